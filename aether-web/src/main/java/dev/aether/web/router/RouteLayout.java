package dev.aether.web.router;

import dev.aether.web.html.Node;

/**
 * A layout written as a class: rendered around whichever page (or inner layout) below it
 * matched. Pages name it with {@link InLayout}; it may itself be {@code @InLayout} another.
 * Registered explicitly with {@link RouteTree.Builder#classes}, like {@link RoutePage}s.
 *
 * <pre>{@code
 * public final class SiteLayout implements RouteLayout<NoParams> {
 *     public Route<NoParams> route() { return Route.of("/"); }
 *     public Node render(RouteContext<NoParams> ctx, Node outlet) {
 *         return div(nav(a(attr("href", "/"), text("Home"))), main(outlet));
 *     }
 *     public Level<NoParams> configure(Level<NoParams> level) {
 *         return level.errorBoundary(error -> p(text("Something failed.")));
 *     }
 * }
 * }</pre>
 *
 * @param <P> the route's params record
 */
public interface RouteLayout<P extends Record> {
    /** Its pattern is a prefix of every page's inside it. */
    Route<P> route();

    /** The layout around {@code outlet}, its matched child already rendered. */
    Node render(RouteContext<P> ctx, Node outlet);

    /** The layout's level with loaders, error boundary and the rest added; as it is by default. */
    default Level<P> configure(Level<P> level) {
        return level;
    }

    /** This layout as a level of a tree. */
    default Level<P> level() {
        return configure(Level.layout(route(), this::render));
    }
}
