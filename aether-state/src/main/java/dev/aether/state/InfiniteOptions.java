package dev.aether.state;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * How an {@link InfiniteQuery} pages, as TanStack's infinite query options. Immutable.
 *
 * <pre>{@code
 * InfiniteOptions<Page, Integer> options = InfiniteOptions.<Page, Integer>startingAt(0, (last, all) -> last.next())  // null: no more
 *         .previousPageParam((first, all) -> first.previous())
 *         .maxPages(3);
 * }</pre>
 *
 * @param initialPageParam   the first page's parameter
 * @param nextPageParam      the parameter after the last page, or null when there is none
 * @param previousPageParam  the parameter before the first page, or null when there is none (or no function)
 * @param maxPages           how many pages are kept at most (0: all); fetching beyond drops the farthest
 * @param query              each page's query options (tags, maxAge, retry, ...)
 */
public record InfiniteOptions<T, P>(P initialPageParam, BiFunction<? super T, ? super List<T>, ? extends P> nextPageParam,
                                    BiFunction<? super T, ? super List<T>, ? extends P> previousPageParam, int maxPages,
                                    QueryOptions<T> query) {
    public InfiniteOptions {
        Objects.requireNonNull(nextPageParam, "nextPageParam");
        Objects.requireNonNull(query, "query");
        if (maxPages < 0) {
            throw new IllegalArgumentException("maxPages cannot be negative, got " + maxPages);
        }
    }

    /** Pages from {@code initialPageParam} on, the next one's parameter given by {@code nextPageParam}. */
    public static <T, P> InfiniteOptions<T, P> startingAt(P initialPageParam, BiFunction<? super T, ? super List<T>, ? extends P> nextPageParam) {
        return new InfiniteOptions<>(initialPageParam, nextPageParam, null, 0, QueryOptions.defaults());
    }

    public InfiniteOptions<T, P> previousPageParam(BiFunction<? super T, ? super List<T>, ? extends P> previous) {
        return new InfiniteOptions<>(initialPageParam, nextPageParam, previous, maxPages, query);
    }

    public InfiniteOptions<T, P> maxPages(int maxPages) {
        return new InfiniteOptions<>(initialPageParam, nextPageParam, previousPageParam, maxPages, query);
    }

    public InfiniteOptions<T, P> query(QueryOptions<T> query) {
        return new InfiniteOptions<>(initialPageParam, nextPageParam, previousPageParam, maxPages, query);
    }
}
