package dev.aether.web.router;

import dev.aether.web.html.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One level of a route tree: a layout (rendered around its matched child, which it places with
 * the {@code outlet} it is given, and any named outlets with {@link RouteContext#outlet(String)})
 * or a page (a leaf, with the document's title). Either may have loaders, an error boundary, a
 * loading view, and views for the named outlets of the layout around it. Immutable: {@link #loader},
 * {@link #errorBoundary}, {@link #loading} and {@link #fills} return a new level.
 *
 * <pre>{@code
 * Level<NoParams> shell = Level.layout(Route.of("/"), (ctx, outlet) -> div(nav(...), main(outlet)))
 *         .errorBoundary(error -> p(text("This part of the page failed.")));
 * Level<UserParams> user = Level.page(USER_ROUTE, "User", ctx -> h1(text(ctx.data(USER).name()))).loader(USER);
 * }</pre>
 *
 * @param <P> the params record of its route
 */
public final class Level<P extends Record> {
    /** A page's content. */
    @FunctionalInterface
    public interface View<P extends Record> {
        Node render(RouteContext<P> ctx);
    }

    /** A layout's content, around {@code outlet}: its matched child, already rendered. */
    @FunctionalInterface
    public interface LayoutView<P extends Record> {
        Node render(RouteContext<P> ctx, Node outlet);
    }

    /** What shows in place of a level whose loader or view failed, here or in a level below it with no boundary of its own. */
    @FunctionalInterface
    public interface ErrorView {
        Node render(Throwable error);
    }

    private final Route<P> route;
    private final String title;            // pages only
    private final View<P> view;            // pages only
    private final LayoutView<P> layout;    // layouts only
    private final List<Loader<P, ?>> loaders;
    private final ErrorView errorBoundary;
    private final View<P> loading;                 // null: its loaders hold the page back
    private final Map<String, View<P>> fills;      // named outlets of the layout around it

    private Level(Route<P> route, String title, View<P> view, LayoutView<P> layout, List<Loader<P, ?>> loaders, ErrorView errorBoundary) {
        this(route, title, view, layout, loaders, errorBoundary, null, Map.of());
    }

    private Level(Route<P> route, String title, View<P> view, LayoutView<P> layout, List<Loader<P, ?>> loaders, ErrorView errorBoundary,
                  View<P> loading, Map<String, View<P>> fills) {
        this.route = Objects.requireNonNull(route, "route");
        this.title = title;
        this.view = view;
        this.layout = layout;
        this.loaders = List.copyOf(loaders);
        this.errorBoundary = errorBoundary;
        this.loading = loading;
        this.fills = Map.copyOf(fills);
    }

    /** A page: the leaf of a matched chain, and the document's title. */
    public static <P extends Record> Level<P> page(Route<P> route, String title, View<P> view) {
        return new Level<>(route, Objects.requireNonNull(title, "title"), Objects.requireNonNull(view, "view"), null, List.of(), null);
    }

    /**
     * A layout: rendered around whichever of its children matched. Its route's pattern is a
     * prefix of theirs, and has no optional or catch-all segment.
     */
    public static <P extends Record> Level<P> layout(Route<P> route, LayoutView<P> view) {
        return new Level<>(route, null, null, Objects.requireNonNull(view, "view"), List.of(), null);
    }

    /** This level, also running {@code loader} (in parallel with every other matched level's loaders). */
    public Level<P> loader(Loader<P, ?> loader) {
        List<Loader<P, ?>> more = new ArrayList<>(loaders);
        more.add(Objects.requireNonNull(loader, "loader"));
        return new Level<>(route, title, view, layout, more, errorBoundary, loading, fills);
    }

    /** This level, showing {@code view} in its place when it or a level below it without a boundary fails. */
    public Level<P> errorBoundary(ErrorView view) {
        return new Level<>(route, title, this.view, layout, loaders, Objects.requireNonNull(view, "view"), loading, fills);
    }

    /**
     * This level, not holding the page back for its loaders: the page renders at once with
     * {@code view} in this level's place (and everything below it), and the level fills in when
     * its loaders and those below it are done — streamed into the same response on a GET. The
     * loading view sees the params and the data of the levels above; reading this level's own
     * data there fails (a {@link LoaderFailedException} whose cause says it is still loading).
     * A level being loaded fills no named outlets. It is also the fallback of
     * {@link RouteContext#await(Deferred, java.util.function.Function) awaits} given none, here and below.
     */
    public Level<P> loading(View<P> view) {
        return new Level<>(route, title, this.view, layout, loaders, errorBoundary, Objects.requireNonNull(view, "view"), fills);
    }

    /**
     * This level, filling the outlet {@code outlet} of the layout directly around it with
     * {@code view} (the layout places it with {@code ctx.outlet("sidebar")}); its main view still
     * fills the layout's unnamed outlet.
     */
    public Level<P> fills(String outlet, View<P> view) {
        if (outlet == null || outlet.isBlank()) {
            throw new IllegalArgumentException("an outlet's name is not blank, got '" + outlet + "'");
        }
        Map<String, View<P>> more = new LinkedHashMap<>(fills);
        if (more.put(outlet, Objects.requireNonNull(view, "view")) != null) {
            throw new IllegalArgumentException(this + " fills outlet " + outlet + " twice");
        }
        return new Level<>(route, title, this.view, layout, loaders, errorBoundary, loading, more);
    }

    public Route<P> route() {
        return route;
    }

    public boolean isLayout() {
        return layout != null;
    }

    String title() {
        return title;
    }

    List<Loader<P, ?>> loaders() {
        return loaders;
    }

    ErrorView errorBoundaryView() {
        return errorBoundary;
    }

    View<P> loadingView() {
        return loading;
    }

    Map<String, View<P>> fills() {
        return fills;
    }

    Node render(RouteContext<P> ctx, Node outlet) {
        return layout != null ? layout.render(ctx, outlet) : view.render(ctx);
    }

    @Override
    public String toString() {
        return (isLayout() ? "Layout" : "Page") + "[" + route.pattern() + "]";
    }
}
