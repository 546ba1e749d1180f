package dev.aether.web.router;

import dev.aether.web.html.Node;

/**
 * A page written as a class: its typed route, its title and its view — the default way to
 * declare a site's pages. Register each instance explicitly with
 * {@link RouteTree.Builder#classes}; nothing is discovered by scanning the classpath. The
 * layout around it is named by {@link InLayout}; without one the page is at the top of the tree.
 *
 * <pre>{@code
 * @InLayout(SiteLayout.class)
 * public final class UserPage implements RoutePage<UserParams> {
 *     public static final Route<UserParams> ROUTE = Route.of("/users/:id", UserParams.class);
 *     static final Loader<UserParams, User> USER = Loader.of("user", args -> users.find(args.params().id()));
 *
 *     public Route<UserParams> route() { return ROUTE; }
 *     public String title() { return "User"; }
 *     public Node render(RouteContext<UserParams> ctx) { return h1(text(ctx.data(USER).name())); }
 *     public Level<UserParams> configure(Level<UserParams> level) { return level.loader(USER); }
 * }
 * }</pre>
 *
 * <p>Because links are built from the {@code ROUTE} constant ({@code link(UserPage.ROUTE, new
 * UserParams(42))}), a removed page or a renamed param is a compile error where it is linked.
 *
 * @param <P> the route's params record
 */
public interface RoutePage<P extends Record> {
    /** Where the page is, and the record its params are read into. */
    Route<P> route();

    /** The document's title. */
    String title();

    /** The page's content. */
    Node render(RouteContext<P> ctx);

    /** The page's level with its loaders, error boundary and the rest added; as it is by default. */
    default Level<P> configure(Level<P> level) {
        return level;
    }

    /** This page as a level of a tree. */
    default Level<P> level() {
        return configure(Level.page(route(), title(), this::render));
    }
}
