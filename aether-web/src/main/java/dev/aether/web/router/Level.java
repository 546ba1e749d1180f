package dev.aether.web.router;

import dev.aether.web.html.Node;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One level of a route tree: a layout (rendered around its matched child, which it places with
 * the {@code outlet} it is given, and any named outlets with {@link RouteContext#outlet(String)})
 * or a page (a leaf, with the document's title). Either may have loaders, guards, actions (the
 * forms it takes), an error boundary, a loading view, meta tags, and views for the named outlets
 * of the layout around it. Immutable: every method that adds something returns a new level.
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

    /** The parts of a level while one is being derived from another: each method below changes one. */
    private static final class Parts<P extends Record> {
        Route<P> route;
        String title;                          // pages only
        View<P> view;                          // pages only
        LayoutView<P> layout;                  // layouts only
        List<Loader<P, ?>> loaders = List.of();
        ErrorView errorBoundary;
        String description;                    // pages only; null: none
        List<LevelGuard<P>> guards = List.of();
        List<Action<?>> actions = List.of();
        Map<String, String> meta = Map.of();
        View<P> loading;                       // null: its loaders hold the page back
        Map<String, View<P>> fills = Map.of(); // named outlets of the layout around it
    }

    private final Route<P> route;
    private final String title;
    private final View<P> view;
    private final LayoutView<P> layout;
    private final List<Loader<P, ?>> loaders;
    private final ErrorView errorBoundary;
    private final String description;
    private final List<LevelGuard<P>> guards;
    private final List<Action<?>> actions;
    private final Map<String, String> meta;
    private final View<P> loading;
    private final Map<String, View<P>> fills;

    private Level(Parts<P> p) {
        this.route = Objects.requireNonNull(p.route, "route");
        this.title = p.title;
        this.view = p.view;
        this.layout = p.layout;
        this.loaders = List.copyOf(p.loaders);
        this.errorBoundary = p.errorBoundary;
        this.description = p.description;
        this.guards = List.copyOf(p.guards);
        this.actions = List.copyOf(p.actions);
        this.meta = Collections.unmodifiableMap(new LinkedHashMap<>(p.meta));
        this.loading = p.loading;
        this.fills = Collections.unmodifiableMap(new LinkedHashMap<>(p.fills));
    }

    private Parts<P> parts() {
        Parts<P> p = new Parts<>();
        p.route = route;
        p.title = title;
        p.view = view;
        p.layout = layout;
        p.loaders = loaders;
        p.errorBoundary = errorBoundary;
        p.description = description;
        p.guards = guards;
        p.actions = actions;
        p.meta = meta;
        p.loading = loading;
        p.fills = fills;
        return p;
    }

    private static <T> List<T> plus(List<T> list, T item, String name) {
        List<T> more = new ArrayList<>(list);
        more.add(Objects.requireNonNull(item, name));
        return more;
    }

    /** A page: the leaf of a matched chain, and the document's title. */
    public static <P extends Record> Level<P> page(Route<P> route, String title, View<P> view) {
        Parts<P> p = new Parts<>();
        p.route = route;
        p.title = Objects.requireNonNull(title, "title");
        p.view = Objects.requireNonNull(view, "view");
        return new Level<>(p);
    }

    /**
     * A layout: rendered around whichever of its children matched. Its route's pattern is a
     * prefix of theirs, and has no optional or catch-all segment.
     */
    public static <P extends Record> Level<P> layout(Route<P> route, LayoutView<P> view) {
        Parts<P> p = new Parts<>();
        p.route = route;
        p.layout = Objects.requireNonNull(view, "view");
        return new Level<>(p);
    }

    /** This level, also running {@code loader} (in parallel with every other matched level's loaders). */
    public Level<P> loader(Loader<P, ?> loader) {
        Parts<P> p = parts();
        p.loaders = plus(loaders, loader, "loader");
        return new Level<>(p);
    }

    /** This level, showing {@code view} in its place when it or a level below it without a boundary fails. */
    public Level<P> errorBoundary(ErrorView view) {
        Parts<P> p = parts();
        p.errorBoundary = Objects.requireNonNull(view, "view");
        return new Level<>(p);
    }

    /** This page, with the document's meta description (sent with the title on a live navigation too). */
    public Level<P> description(String description) {
        if (isLayout()) {
            throw new IllegalArgumentException(this + " is a layout: a description belongs to a page");
        }
        Parts<P> p = parts();
        p.description = Objects.requireNonNull(description, "description");
        return new Level<>(p);
    }

    /**
     * This level, also guarded by {@code guard}: every navigation that matches it (for a layout, to
     * any page inside it) asks it, after the global guards and the guards of the levels around it,
     * before any loader runs. A level's guards run in the order added.
     */
    public Level<P> guard(LevelGuard<P> guard) {
        Parts<P> p = parts();
        p.guards = plus(guards, guard, "guard");
        return new Level<>(p);
    }

    /**
     * This level, also taking the submissions of {@code action}'s forms: a post to any page at or
     * below it runs the action when the form names it. Its forms are rendered with
     * {@link RouteContext#form}. Two actions of the same id on one page are refused when the tree
     * is built.
     */
    public Level<P> action(Action<?> action) {
        Parts<P> p = parts();
        p.actions = plus(actions, action, "action");
        return new Level<>(p);
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
        Parts<P> p = parts();
        p.meta = more;
        return new Level<>(p);
    }

    /**
     * This level, not holding the page back for its loaders: the page renders at once with
     * {@code view} in this level's place (and everything below it), and the level fills in when
     * its loaders and those below it are done — streamed into the same response on a GET,
     * patched in on a live navigation (which commits at once with the loading view, when this is
     * the first newly matched level that has one). The loading view sees the params and the data
     * of the levels above; reading this level's own data there fails (a
     * {@link LoaderFailedException} whose cause says it is still loading). A level being loaded
     * fills its named outlets once it is in. It is also the fallback of
     * {@link RouteContext#await(Deferred, java.util.function.Function) awaits} given none, here and below.
     */
    public Level<P> loading(View<P> view) {
        Parts<P> p = parts();
        p.loading = Objects.requireNonNull(view, "view");
        return new Level<>(p);
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
        Parts<P> p = parts();
        p.fills = more;
        return new Level<>(p);
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
