package dev.aether.web.router;

import dev.aether.web.PageRequest;
import java.util.Map;
import java.util.Objects;

/**
 * What a level's view sees: its params record, the request, and the results of the loaders of
 * the matched levels (its own and its ancestors'), each read by its loader constant, typed.
 *
 * <pre>{@code
 * Level.page(USER_ROUTE, "User", ctx -> h1(text(ctx.data(USER).name() + " #" + ctx.params().id())))
 * }</pre>
 */
public final class RouteContext<P extends Record> {
    private final P params;
    private final PageRequest request;
    private final Map<Loader<?, ?>, LoaderResults.Outcome> results;

    RouteContext(P params, PageRequest request, Map<Loader<?, ?>, LoaderResults.Outcome> results) {
        this.params = params;
        this.request = request;
        this.results = results;
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
}
