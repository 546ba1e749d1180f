/**
 * The router: a {@link dev.aether.web.router.RouteTree} of {@link dev.aether.web.router.Level}s
 * (layouts around pages), each on a typed {@link dev.aether.web.router.Route} whose params are a
 * record, with {@link dev.aether.web.router.Loader}s run in parallel before a GET renders. Read
 * top-down: {@link dev.aether.web.router.PathPattern} and {@link dev.aether.web.router.RequestPath}
 * (what a URL is), {@link dev.aether.web.router.PathMatcher} (which pattern wins),
 * {@link dev.aether.web.router.Route} (params as records, {@link dev.aether.web.router.Links links}),
 * then the tree. A page of the tree is live: its {@link dev.aether.web.router.Navigator} moves it
 * to another URL over the live channel ({@link dev.aether.web.router.Link}s, back/forward),
 * rendering again only below the deepest shared level ({@link dev.aether.web.router.MatchedLevel}),
 * with loader values from a {@link dev.aether.web.router.LoaderCache} where it can; every
 * navigation asks the tree's {@link dev.aether.web.router.Guard}s first.
 * Data that comes later: {@link dev.aether.web.router.Deferred} (from
 * {@link dev.aether.web.router.LoaderArgs#defer}) shown by an {@link dev.aether.web.router.Await}.
 * docs/router.md teaches it.
 *
 * <pre>{@code
 * public record UserParams(long id) {}
 * static final Route<UserParams> USER = Route.of("/users/:id", UserParams.class);
 *
 * AetherWeb web = AetherWeb.builder()
 *         .routes(RouteTree.builder().page(Level.page(USER, "User", ctx -> h1(text("User " + ctx.params().id())))).build())
 *         .build();
 * link(USER, new UserParams(42))   // "/users/42"
 * }</pre>
 */
package dev.aether.web.router;
