package dev.aether.web.router;

import dev.aether.web.html.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One level of a route tree: a layout (rendered around its matched child, which it places with
 * the {@code outlet} it is given) or a page (a leaf, with the document's title). Either may have
 * loaders, guards and an error boundary. Immutable: {@link #loader}, {@link #guard} and
 * {@link #errorBoundary} return a new level.
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
    private final String description;      // pages only; null: none
    private final List<LevelGuard<P>> guards;

    private Level(Route<P> route, String title, View<P> view, LayoutView<P> layout, List<Loader<P, ?>> loaders, ErrorView errorBoundary,
                  String description, List<LevelGuard<P>> guards) {
        this.route = Objects.requireNonNull(route, "route");
        this.title = title;
        this.view = view;
        this.layout = layout;
        this.loaders = List.copyOf(loaders);
        this.errorBoundary = errorBoundary;
        this.description = description;
        this.guards = List.copyOf(guards);
    }

    /** A page: the leaf of a matched chain, and the document's title. */
    public static <P extends Record> Level<P> page(Route<P> route, String title, View<P> view) {
        return new Level<>(route, Objects.requireNonNull(title, "title"), Objects.requireNonNull(view, "view"), null, List.of(), null, null, List.of());
    }

    /**
     * A layout: rendered around whichever of its children matched. Its route's pattern is a
     * prefix of theirs, and has no optional or catch-all segment.
     */
    public static <P extends Record> Level<P> layout(Route<P> route, LayoutView<P> view) {
        return new Level<>(route, null, null, Objects.requireNonNull(view, "view"), List.of(), null, null, List.of());
    }

    /** This level, also running {@code loader} (in parallel with every other matched level's loaders). */
    public Level<P> loader(Loader<P, ?> loader) {
        List<Loader<P, ?>> more = new ArrayList<>(loaders);
        more.add(Objects.requireNonNull(loader, "loader"));
        return new Level<>(route, title, view, layout, more, errorBoundary, description, guards);
    }

    /** This level, showing {@code view} in its place when it or a level below it without a boundary fails. */
    public Level<P> errorBoundary(ErrorView view) {
        return new Level<>(route, title, this.view, layout, loaders, Objects.requireNonNull(view, "view"), description, guards);
    }

    /** This page, with the document's meta description (sent with the title on a live navigation too). */
    public Level<P> description(String description) {
        if (isLayout()) {
            throw new IllegalArgumentException(this + " is a layout: a description belongs to a page");
        }
        return new Level<>(route, title, view, layout, loaders, errorBoundary, Objects.requireNonNull(description, "description"), guards);
    }

    /**
     * This level, also guarded by {@code guard}: every navigation that matches it (for a layout, to
     * any page inside it) asks it, after the global guards and the guards of the levels around it,
     * before any loader runs. A level's guards run in the order added.
     */
    public Level<P> guard(LevelGuard<P> guard) {
        List<LevelGuard<P>> more = new ArrayList<>(guards);
        more.add(Objects.requireNonNull(guard, "guard"));
        return new Level<>(route, title, view, layout, loaders, errorBoundary, description, more);
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

    String description() {
        return description;
    }

    List<Loader<P, ?>> loaders() {
        return loaders;
    }

    /** The first decision of this level's guards that is not allow, or allow. */
    @SuppressWarnings("unchecked")
    GuardDecision check(Record params, Destination to) {
        for (LevelGuard<P> guard : guards) {
            GuardDecision decision = Objects.requireNonNull(guard.check((P) params, to), () -> "a guard of " + this + " returned null");
            if (!(decision instanceof GuardDecision.Allow)) {
                return decision;
            }
        }
        return GuardDecision.allow();
    }

    ErrorView errorBoundaryView() {
        return errorBoundary;
    }

    Node render(RouteContext<P> ctx, Node outlet) {
        return layout != null ? layout.render(ctx, outlet) : view.render(ctx);
    }

    @Override
    public String toString() {
        return (isLayout() ? "Layout" : "Page") + "[" + route.pattern() + "]";
    }
}
