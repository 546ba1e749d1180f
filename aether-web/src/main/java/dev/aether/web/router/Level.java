package dev.aether.web.router;

import dev.aether.web.html.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One level of a route tree: a layout (rendered around its matched child, which it places with
 * the {@code outlet} it is given) or a page (a leaf, with the document's title). Either may have
 * loaders, actions (the forms it takes) and an error boundary. Immutable: {@link #loader},
 * {@link #action} and {@link #errorBoundary} return a new level.
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
    private final List<Action<?>> actions;
    private final Map<String, String> meta;

    private Level(Route<P> route, String title, View<P> view, LayoutView<P> layout, List<Loader<P, ?>> loaders, ErrorView errorBoundary) {
        this(route, title, view, layout, loaders, errorBoundary, null, List.of(), Map.of());
    }

    private Level(Route<P> route, String title, View<P> view, LayoutView<P> layout, List<Loader<P, ?>> loaders, ErrorView errorBoundary,
                  String description, List<Action<?>> actions, Map<String, String> meta) {
        this.route = Objects.requireNonNull(route, "route");
        this.title = title;
        this.view = view;
        this.layout = layout;
        this.loaders = List.copyOf(loaders);
        this.errorBoundary = errorBoundary;
        this.description = description;
        this.actions = List.copyOf(actions);
        this.meta = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(meta));
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
        return new Level<>(route, title, view, layout, more, errorBoundary, description, actions, meta);
    }

    /** This level, showing {@code view} in its place when it or a level below it without a boundary fails. */
    public Level<P> errorBoundary(ErrorView view) {
        return new Level<>(route, title, this.view, layout, loaders, Objects.requireNonNull(view, "view"), description, actions, meta);
    }

    /** This page, with the document's meta description (sent with the title on a live navigation too). */
    public Level<P> description(String description) {
        if (isLayout()) {
            throw new IllegalArgumentException(this + " is a layout: a description belongs to a page");
        }
        return new Level<>(route, title, view, layout, loaders, errorBoundary, Objects.requireNonNull(description, "description"), actions, meta);
    }

    /**
     * This level, also taking the submissions of {@code action}'s forms: a post to any page at or
     * below it runs the action when the form names it. Its forms are rendered with
     * {@link RouteContext#form}. Two actions of the same id on one page are refused when the tree
     * is built.
     */
    public Level<P> action(Action<?> action) {
        List<Action<?>> more = new ArrayList<>(actions);
        more.add(Objects.requireNonNull(action, "action"));
        return new Level<>(route, title, view, layout, loaders, errorBoundary, description, more, meta);
    }

    /**
     * This level, adding the meta tag {@code name} (the {@code viewport}, say) to the document of
     * every page at or below it; a level further in replaces an outer one's. A page's
     * {@code description} is {@link #description}, which a live navigation updates too.
     */
    public Level<P> meta(String name, String content) {
        if ("description".equals(name)) {
            throw new IllegalArgumentException("a page's description is Level.description(...), which live navigations update too");
        }
        Map<String, String> more = new LinkedHashMap<>(meta);
        more.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(content, "content"));
        return new Level<>(route, title, view, layout, loaders, errorBoundary, description, actions, more);
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

    Map<String, String> meta() {
        return meta;
    }

    List<Action<?>> actions() {
        return actions;
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
