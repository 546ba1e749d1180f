package dev.aether.web.router;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import dev.aether.web.PageRequest;
import dev.aether.web.html.Node;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.aether.web.html.Html.*;

/**
 * What a level's view sees: its params record, the request, the results of the loaders of the
 * matched levels (its own and its ancestors'), each read by its loader constant, typed, and the
 * page's {@link Navigator} (navigation state, revalidation), forms ({@link #form}) and fetchers
 * ({@link #fetcher}); a layout also finds here the named outlets its matched child fills
 * ({@link #outlet(String)}), and any view shows deferred values with {@link #await}.
 *
 * <p>{@link #data} reads a signal: read inside a reactive part ({@code text(() -> …)}), the part
 * updates when the loader is revalidated.
 *
 * <pre>{@code
 * Level.page(USER_ROUTE, "User", ctx -> h1(text(() -> ctx.data(USER).name() + " #" + ctx.params().id())))
 * }</pre>
 */
public final class RouteContext<P extends Record> {
    private final P params;
    private final PageRequest request;
    private final LevelState level;
    private final Navigator navigator;

    RouteContext(P params, PageRequest request, LevelState level, Navigator navigator) {
        this.params = params;
        this.request = request;
        this.level = level;
        this.navigator = navigator;
    }

    public P params() {
        return params;
    }

    /** The request this level was rendered for: the page's GET, or the live navigation that reached it. */
    public PageRequest request() {
        return request;
    }

    /**
     * What {@code loader} loaded. It must be on this level or one above it; if it failed, this
     * throws its failure, which the nearest error boundary shows. A signal read: inside a reactive
     * part it is tracked.
     */
    @SuppressWarnings("unchecked")
    public <T> T data(Loader<?, T> loader) {
        Signal<LoaderResults.Outcome> signal = level.dataOf(Objects.requireNonNull(loader, "loader"));
        if (signal == null) {
            throw new IllegalArgumentException(loader + " is not on any matched level: add it with Level.loader");
        }
        return switch (signal.get()) {
            case LoaderResults.Outcome.Loaded loaded -> (T) loaded.value();
            case LoaderResults.Outcome.Failed failed -> throw new LoaderFailedException(loader.name(), failed.error());
        };
    }

    /** Idle, loading or submitting, for pending UI: {@link Navigator#navigation()}. */
    public ReadSignal<Navigation> navigation() {
        return navigator.navigation();
    }

    /** The page's router: location, navigation state, revalidation and cache invalidation. */
    public Navigator navigator() {
        return navigator;
    }

    /**
     * Asks the user before leaving this page while {@code dirty} is true: a live link or
     * back/forward gets a confirm dialog with {@code message} (no: the page and the URL stay), and
     * reloading or closing the tab the browser's own "leave site?" dialog. The server keeps the
     * flag; the runtime only learns whether any blocker is dirty. The blocker goes when this level
     * leaves the page (or when the current component is disposed, inside one).
     *
     * <pre>{@code
     * Signal<Boolean> dirty = Reactive.signal(false);
     * ctx.blocker(dirty, "Discard your draft?");
     * textarea(on("input", e -> dirty.set(!e.value().equals(saved))))
     * }</pre>
     */
    public void blocker(ReadSignal<Boolean> dirty, String message) {
        Runnable remove = navigator.block(level, dirty, message);
        if (Reactive.hasOwner()) {
            Reactive.onCleanup(remove);
        }
    }

    /** {@link #blocker(ReadSignal, String)} asking "You have unsaved changes. Leave this page?". */
    public void blocker(ReadSignal<Boolean> dirty) {
        blocker(dirty, Blockers.DEFAULT_MESSAGE);
    }

    /**
     * The form of {@code action} on this page: it posts to the page's URL, and live it submits over
     * the live channel; the same handler runs either way. The action must be on a matched level
     * ({@link Level#action}), or a post of it would find nothing to run.
     */
    public <F extends Record> Form<F> form(Action<F> action) {
        return navigator.pageState().form(Objects.requireNonNull(action, "action"));
    }

    /** The page's fetcher named {@code key}: the same one wherever on the page it is asked for. */
    public <T> Fetcher<T> fetcher(FetcherKey<T> key) {
        return navigator.pageState().fetcher(Objects.requireNonNull(key, "key"));
    }

    /**
     * Shows the deferred value a loader returned: {@code fallback} at once, {@code view} of the
     * value when it arrives (streamed into the same response on a GET, patched into a live page).
     * See {@link Await} for failures.
     */
    public <T> Await<T> await(Loader<?, Deferred<T>> loader, Function<? super T, ? extends Node> view, Supplier<? extends Node> fallback) {
        return await(data(loader), view, fallback);
    }

    /** The same for a deferred value inside what a loader returned ({@code ctx.data(PRODUCT).reviews()}). */
    public <T> Await<T> await(Deferred<T> deferred, Function<? super T, ? extends Node> view, Supplier<? extends Node> fallback) {
        Level.ErrorView boundary = level.nearestBoundary();
        return new Await<>(deferred, view, fallback, boundary != null ? boundary : RouteContext::noticeOf);
    }

    /**
     * The same, its fallback the loading view of the nearest level at or above this one that has
     * one ({@link Level#loading}), or nothing.
     */
    public <T> Await<T> await(Deferred<T> deferred, Function<? super T, ? extends Node> view) {
        Supplier<? extends Node> loading = navigator.loadingAt(level, request);
        return await(deferred, view, loading != null ? loading : dev.aether.web.html.Html::fragment);
    }

    /**
     * The named outlet {@code name} of this layout, as its matched child fills it
     * ({@link Level#fills}); nothing when the child does not fill it. It follows the child: a live
     * navigation to a sibling shows what the new child fills it with. The unnamed outlet is the
     * {@code outlet} a layout's view is given.
     */
    public Node outlet(String name) {
        return navigator.namedOutlet(level, Objects.requireNonNull(name, "name"));
    }

    /** Shown for a failed deferred value when no level above it has an error boundary. */
    private static Node noticeOf(Throwable error) {
        String id = error instanceof DeferredFailedException d ? " (error id " + d.errorId() + ")" : "";
        return p(attr("role", "alert"), text("This part of the page could not be loaded" + id + "."));
    }
}
