package dev.aether.web.router;

import dev.aether.web.PageRequest;
import java.util.Map;
import java.util.Objects;

/**
 * What a level's view sees: its params record, the request, the results of the loaders of the
 * matched levels (its own and its ancestors'), each read by its loader constant, typed, and the
 * page's forms ({@link #form}) and fetchers ({@link #fetcher}).
 *
 * <pre>{@code
 * Level.page(USER_ROUTE, "User", ctx -> h1(text(ctx.data(USER).name() + " #" + ctx.params().id())))
 * }</pre>
 */
public final class RouteContext<P extends Record> {
    private final P params;
    private final PageRequest request;
    private final Map<Loader<?, ?>, LoaderResults.Outcome> results;
    private final PageState page;

    RouteContext(P params, PageRequest request, Map<Loader<?, ?>, LoaderResults.Outcome> results, PageState page) {
        this.params = params;
        this.request = request;
        this.results = results;
        this.page = page;
    }

    public P params() {
        return params;
    }

    public PageRequest request() {
        return request;
    }

    /**
     * What {@code loader} loaded. It must be on a matched level; if it failed, this throws its
     * failure, which the nearest error boundary shows.
     */
    @SuppressWarnings("unchecked")
    public <T> T data(Loader<?, T> loader) {
        LoaderResults.Outcome outcome = results.get(Objects.requireNonNull(loader, "loader"));
        if (outcome == null) {
            throw new IllegalArgumentException(loader + " is not on any matched level: add it with Level.loader");
        }
        return switch (outcome) {
            case LoaderResults.Outcome.Loaded loaded -> (T) loaded.value();
            case LoaderResults.Outcome.Failed failed -> throw new LoaderFailedException(loader.name(), failed.error());
        };
    }

    /**
     * The form of {@code action} on this page: it posts to the page's URL, and live it submits over
     * the live channel; the same handler runs either way. The action must be on a matched level
     * ({@link Level#action}), or a post of it would find nothing to run.
     */
    public <F extends Record> Form<F> form(Action<F> action) {
        return page.form(java.util.Objects.requireNonNull(action, "action"));
    }

    /** The page's fetcher named {@code key}: the same one wherever on the page it is asked for. */
    public <T> Fetcher<T> fetcher(FetcherKey<T> key) {
        return page.fetcher(Objects.requireNonNull(key, "key"));
    }

    /** The URL of the page being rendered (its path and search params): where its forms post. */
    public String url() {
        return page.url();
    }
}
