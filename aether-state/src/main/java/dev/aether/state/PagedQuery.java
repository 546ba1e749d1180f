package dev.aether.state;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import static dev.aether.reactive.Reactive.computed;
import static dev.aether.reactive.Reactive.signal;

/**
 * An {@link InfiniteQuery} as a list of page queries on the owner's context. Each page query lives
 * in a root of its own (so "load more" may run in an event handler, outside any owner) and is
 * disposed when the page is dropped (maxPages) or the owner goes.
 */
final class PagedQuery<S, T, P> implements InfiniteQuery<T, P> {
    private record Page<T, P>(P param, Query<T> query, Disposable root) {
    }

    private final AetherState state;
    private final Class<S> service;
    private final BiFunction<? super S, ? super P, ? extends T> call;
    private final InfiniteOptions<T, P> options;
    private final Signal<List<Page<T, P>>> pages = signal(List.of(), (a, b) -> a == b);
    private final ReadSignal<List<T>> data;
    private final ReadSignal<List<P>> params;
    private final ReadSignal<Boolean> hasNext;
    private final ReadSignal<Boolean> hasPrevious;
    private final ReadSignal<QueryStatus> status;
    private final ReadSignal<Boolean> fetching;

    PagedQuery(AetherState state, Class<S> service, BiFunction<? super S, ? super P, ? extends T> call, InfiniteOptions<T, P> options) {
        this.state = state;
        this.service = Objects.requireNonNull(service, "service");
        this.call = Objects.requireNonNull(call, "call");
        this.options = Objects.requireNonNull(options, "options");
        this.data = computed(() -> pages.get().stream().map(p -> p.query().data().get()).filter(Objects::nonNull).toList());
        this.params = computed(() -> pages.get().stream().map(Page::param).toList());
        this.hasNext = computed(() -> next() != null);
        this.hasPrevious = computed(() -> previous() != null);
        this.status = computed(() -> {
            List<Page<T, P>> now = pages.get();
            if (now.stream().anyMatch(p -> p.query().status().get() == QueryStatus.ERROR)) {
                return QueryStatus.ERROR;
            }
            return now.isEmpty() || now.getFirst().query().data().get() == null ? QueryStatus.PENDING : QueryStatus.SUCCESS;
        });
        this.fetching = computed(() -> pages.get().stream().anyMatch(p -> p.query().isFetching().get()));
        pages.set(List.of(page(options.initialPageParam())));
        Reactive.onCleanup(() -> pages.peek().forEach(p -> p.root().dispose()));
    }

    private Page<T, P> page(P param) {
        List<Query<T>> made = new ArrayList<>(1);
        Disposable root = Reactive.createRoot(dispose -> {
            made.add(state.query(service, s -> call.apply(s, param), options.query()));
            return dispose;
        });
        return new Page<>(param, made.getFirst(), root);
    }

    /** The next parameter, once the last page arrived (tracked). */
    private P next() {
        List<Page<T, P>> now = pages.get();
        if (now.isEmpty()) {
            return null;
        }
        T last = now.getLast().query().data().get();
        return last == null ? null : options.nextPageParam().apply(last, data.get());
    }

    private P previous() {
        List<Page<T, P>> now = pages.get();
        if (now.isEmpty() || options.previousPageParam() == null) {
            return null;
        }
        T first = now.getFirst().query().data().get();
        return first == null ? null : options.previousPageParam().apply(first, data.get());
    }

    @Override
    public void fetchNextPage() {
        P param = Reactive.untrack(this::next);
        if (param == null) {
            return;
        }
        List<Page<T, P>> more = new ArrayList<>(pages.peek());
        more.add(page(param));
        if (options.maxPages() > 0 && more.size() > options.maxPages()) {
            more.removeFirst().root().dispose();
        }
        pages.set(List.copyOf(more));
    }

    @Override
    public void fetchPreviousPage() {
        P param = Reactive.untrack(this::previous);
        if (param == null) {
            return;
        }
        List<Page<T, P>> more = new ArrayList<>(pages.peek());
        more.addFirst(page(param));
        if (options.maxPages() > 0 && more.size() > options.maxPages()) {
            more.removeLast().root().dispose();
        }
        pages.set(List.copyOf(more));
    }

    @Override
    public ReadSignal<List<T>> pages() {
        return data;
    }

    @Override
    public ReadSignal<List<P>> pageParams() {
        return params;
    }

    @Override
    public ReadSignal<Boolean> hasNextPage() {
        return hasNext;
    }

    @Override
    public ReadSignal<Boolean> hasPreviousPage() {
        return hasPrevious;
    }

    @Override
    public ReadSignal<QueryStatus> status() {
        return status;
    }

    @Override
    public ReadSignal<Boolean> isFetching() {
        return fetching;
    }

    @Override
    public CompletableFuture<Void> refetch() {
        return CompletableFuture.allOf(pages.peek().stream().map(p -> p.query().refetch()).toArray(CompletableFuture[]::new));
    }
}
