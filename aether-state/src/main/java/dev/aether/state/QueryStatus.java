package dev.aether.state;

/**
 * Where a {@link Query} stands: whether it has data, independent of whether a fetch is running
 * now (that is {@link Query#isFetching()}).
 *
 * <pre>{@code
 * switch (users.status().get()) {
 *     case PENDING -> render("loading...");
 *     case ERROR -> render("failed: " + users.error().get().getMessage());
 *     case SUCCESS -> render(users.data().get());
 * }
 * }</pre>
 */
public enum QueryStatus {
    /** No data yet (the first fetch is running, or the query is disabled). */
    PENDING,
    /** The latest fetch succeeded, or there is data from an earlier one, initial data or another owner. */
    SUCCESS,
    /** The latest fetch failed (after its retries); earlier data, if any, is still there. */
    ERROR
}
