package dev.aether.state;

import dev.aether.reactive.ReadSignal;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A service call's result as signals, kept current: made by
 * {@link AetherState#query(Class, Function, QueryOptions)} inside an owner (a component, an
 * effect, a {@code createRoot}), read on that owner's context, released with it.
 *
 * <pre>{@code
 * Query<List<User>> users = state.query(Users.class, u -> u.list(page.get()), QueryOptions.<List<User>>defaults().tags("users"));
 * effect(() -> render(users.status().get(), users.data().get()));
 * users.refetch();
 * }</pre>
 *
 * @param <T> the method's result type
 */
public interface Query<T> {
    /** The data shown now: the entry's, or the previous key's (keepPreviousData), or the placeholder; null before any. */
    ReadSignal<T> data();

    /** The error of the latest fetch, or null. */
    ReadSignal<Throwable> error();

    /** PENDING (no data yet), SUCCESS or ERROR. */
    ReadSignal<QueryStatus> status();

    /** Whether a fetch for the current key is running (the first one or a refetch). */
    ReadSignal<Boolean> isFetching();

    /** Whether the data is older than maxAge, or was invalidated. */
    ReadSignal<Boolean> isStale();

    /** Whether {@link #data()} is the placeholder or the previous key's data rather than this key's. */
    ReadSignal<Boolean> isPlaceholderData();

    /**
     * A part of the data, recomputed when the data changes; readers re-run only when the part
     * itself changed (by {@code equals}).
     */
    <R> ReadSignal<R> select(Function<? super T, ? extends R> selector);

    /** Fetches again now, past every cache; the future completes (on any thread) with the result. */
    CompletableFuture<T> refetch();

    /** The key of the entry observed now. */
    QueryKey key();

    /** Stops observing: the in-flight fetch is cancelled if nobody else waits for it, the interval stops. Done by the owner's disposal. */
    void dispose();
}
