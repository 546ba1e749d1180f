package dev.aether.web.router;

import dev.aether.web.html.Part;

/**
 * Builds a URL from a route and its params record: a renamed param or a removed route is then a
 * compile error where the link is made, not a 404 in production.
 *
 * <pre>{@code
 * import static dev.aether.web.router.Links.link;
 *
 * a(attr("href", link(UserPage.ROUTE, new UserParams(42, Optional.of(Tab.POSTS)))), text("Posts"))
 * // "/users/42?tab=posts"
 * }</pre>
 */
public final class Links {
    private Links() {
    }

    /**
     * A {@link Link} to {@code route} for {@code params}: followed live by the router's runtime, a
     * full page load without it.
     *
     * <pre>{@code
     * to(USER, new UserParams(42, Optional.empty()), text("Profile")).activeClass("active")
     * }</pre>
     */
    public static <P extends Record> Link to(Route<P> route, P params, Part... children) {
        return Link.to(route.link(params), children);
    }

    /** The URL of {@code route} for {@code params}: path segments percent-encoded, search params as the query. */
    public static <P extends Record> String link(Route<P> route, P params) {
        return route.link(params);
    }
}
