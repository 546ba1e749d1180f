package dev.aether.web.router;

import dev.aether.web.PageRequest;
import dev.aether.web.html.Node;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.aether.web.html.Html.*;

/**
 * What a level's view sees: its params record, the request, and the results of the loaders of
 * the matched levels (its own and its ancestors'), each read by its loader constant, typed; a
 * layout also finds here the named outlets its matched child fills ({@link #outlet(String)}),
 * and any view shows deferred values with {@link #await}.
 *
 * <pre>{@code
 * Level.page(USER_ROUTE, "User", ctx -> h1(text(ctx.data(USER).name() + " #" + ctx.params().id())))
 * }</pre>
 */
public final class RouteContext<P extends Record> {
    private final P params;
    private final PageRequest request;
    private final Map<Loader<?, ?>, LoaderResults.Outcome> results;
    private final Around around;

    /**
     * Where the level sits: the error view of the nearest boundary at or above it (null: none),
     * the loading view of the nearest level at or above it that has one (null: none), and the
     * named outlets its matched child fills, rendered.
     */
    record Around(Level.ErrorView boundary, Supplier<? extends Node> loading, Map<String, Node> outlets) {
        static final Around NOTHING = new Around(null, null, Map.of());

        Around {
            outlets = Map.copyOf(outlets);
        }
    }

    RouteContext(P params, PageRequest request, Map<Loader<?, ?>, LoaderResults.Outcome> results) {
        this(params, request, results, Around.NOTHING);
    }

    RouteContext(P params, PageRequest request, Map<Loader<?, ?>, LoaderResults.Outcome> results, Around around) {
        this.params = params;
        this.request = request;
        this.results = results;
        this.around = around;
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
     * Shows the deferred value a loader returned: {@code fallback} at once, {@code view} of the
     * value when it arrives (streamed into the same response, or patched into a live page).
     * See {@link Await} for failures.
     */
    public <T> Await<T> await(Loader<?, Deferred<T>> loader, Function<? super T, ? extends Node> view, Supplier<? extends Node> fallback) {
        return await(data(loader), view, fallback);
    }

    /** The same for a deferred value inside what a loader returned ({@code ctx.data(PRODUCT).reviews()}). */
    public <T> Await<T> await(Deferred<T> deferred, Function<? super T, ? extends Node> view, Supplier<? extends Node> fallback) {
        Level.ErrorView errorView = around.boundary() != null ? around.boundary() : RouteContext::noticeOf;
        return new Await<>(deferred, view, fallback, errorView);
    }

    /**
     * The same, its fallback the loading view of the nearest level at or above this one that has
     * one ({@link Level#loading}), or nothing.
     */
    public <T> Await<T> await(Deferred<T> deferred, Function<? super T, ? extends Node> view) {
        Supplier<? extends Node> loading = around.loading() != null ? around.loading() : () -> fragment();
        return await(deferred, view, loading);
    }

    /**
     * The named outlet {@code name} of this layout, as its matched child fills it
     * ({@link Level#fills}); nothing when the child does not fill it. The unnamed outlet is the
     * {@code outlet} a layout's view is given.
     */
    public Node outlet(String name) {
        Node filled = around.outlets().get(Objects.requireNonNull(name, "name"));
        return filled != null ? filled : fragment();
    }

    /** Shown for a failed deferred value when no level above it has an error boundary. */
    private static Node noticeOf(Throwable error) {
        String id = error instanceof DeferredFailedException d ? " (error id " + d.errorId() + ")" : "";
        return p(attr("role", "alert"), text("This part of the page could not be loaded" + id + "."));
    }
}
