package dev.aether.state;

import dev.aether.reactive.ReadSignal;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Pages of one method, fetched one after another (a feed, "load more"), as signals: made by
 * {@link AetherState#infiniteQuery} inside an owner, released with it. Each page is a query entry
 * of its own, so pages are shared, invalidated and refetched like any query.
 *
 * <pre>{@code
 * InfiniteQuery<Page, Integer> feed = state.infiniteQuery(Posts.class, (p, cursor) -> p.page(cursor),
 *         InfiniteOptions.<Page, Integer>startingAt(0, (last, all) -> last.next()).maxPages(5));
 * button(on("click", feed::fetchNextPage), attr("disabled", () -> !feed.hasNextPage().get()), text("More"));
 * }</pre>
 *
 * @param <T> a page
 * @param <P> a page parameter (a number, a cursor)
 */
public interface InfiniteQuery<T, P> {
    /** The pages shown, in order (a page still being fetched is absent). */
    ReadSignal<List<T>> pages();

    /** Their parameters, in the same order. */
    ReadSignal<List<P>> pageParams();

    /** Whether the next page's parameter is known and not null. */
    ReadSignal<Boolean> hasNextPage();

    /** Whether the previous page's parameter is known and not null. */
    ReadSignal<Boolean> hasPreviousPage();

    /** ERROR if a page failed, PENDING until the first page arrived, SUCCESS otherwise. */
    ReadSignal<QueryStatus> status();

    /** Whether any page is being fetched. */
    ReadSignal<Boolean> isFetching();

    /** Fetches the page after the last one (nothing if there is none, or the last has not arrived). */
    void fetchNextPage();

    /** Fetches the page before the first one (nothing if there is none). */
    void fetchPreviousPage();

    /** Refetches every page shown. */
    CompletableFuture<Void> refetch();
}
