package dev.aether.web.router;

/**
 * A step every live navigation passes before its loaders run: where guards go. Steps run in the
 * order they were added ({@link RouteTree.Builder#navigationStep}), on every live navigation,
 * back/forward included; the first that does not {@link NavigationDecision.Proceed proceed}
 * decides. A cancelled back/forward is undone by the runtime (the URL it had already changed is
 * restored); a redirect navigates to its location instead (live when that location is the tree's,
 * else a full page load).
 *
 * <pre>{@code
 * RouteTree.builder()
 *         .navigationStep(attempt -> attempt.to().startsWith("/admin") && attempt.principal().isEmpty()
 *                 ? new NavigationDecision.Redirect("/login")
 *                 : NavigationDecision.PROCEED)
 * }</pre>
 */
@FunctionalInterface
public interface NavigationStep {
    /** Runs on the page's session; may block briefly (it delays the navigation). */
    NavigationDecision decide(NavigationAttempt attempt);
}
