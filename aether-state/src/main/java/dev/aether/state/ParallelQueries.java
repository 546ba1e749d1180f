package dev.aether.state;

import dev.aether.reactive.ReadSignal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static dev.aether.reactive.Reactive.computed;

/**
 * Several queries observed together (TanStack's {@code useQueries}), made by
 * {@link AetherState#queries}: each is fetched at once, in parallel, and shared as any query is;
 * their combined state is a signal too.
 *
 * <pre>{@code
 * ParallelQueries<User> team = state.queries(Users.class, List.of(u -> u.find(1), u -> u.find(2)), QueryOptions.defaults());
 * effect(() -> { if (team.status().get() == QueryStatus.SUCCESS) render(team.data().get()); });
 * }</pre>
 *
 * @param <T> each query's data type
 */
public final class ParallelQueries<T> {
    private final List<Query<T>> queries;
    private final ReadSignal<List<T>> data;
    private final ReadSignal<QueryStatus> status;
    private final ReadSignal<Boolean> fetching;

    ParallelQueries(List<Query<T>> queries) {
        this.queries = List.copyOf(queries);
        this.data = computed(() -> this.queries.stream().map(q -> q.data().get()).toList());
        this.status = computed(() -> {
            QueryStatus combined = QueryStatus.SUCCESS;
            for (Query<T> query : this.queries) {
                QueryStatus one = query.status().get();
                if (one == QueryStatus.ERROR) {
                    return QueryStatus.ERROR;
                }
                if (one == QueryStatus.PENDING) {
                    combined = QueryStatus.PENDING;
                }
            }
            return combined;
        });
        this.fetching = computed(() -> this.queries.stream().anyMatch(q -> q.isFetching().get()));
    }

    /** The queries, in the order their calls were given. */
    public List<Query<T>> queries() {
        return queries;
    }

    /** Each query's data (null where there is none yet), in order. */
    public ReadSignal<List<T>> data() {
        return data;
    }

    /** ERROR if any failed, else PENDING if any has no data, else SUCCESS. */
    public ReadSignal<QueryStatus> status() {
        return status;
    }

    /** Whether any is fetching. */
    public ReadSignal<Boolean> isFetching() {
        return fetching;
    }

    /** Refetches them all; completes when all did. */
    public CompletableFuture<Void> refetch() {
        return CompletableFuture.allOf(queries.stream().map(Query::refetch).toArray(CompletableFuture[]::new));
    }
}
