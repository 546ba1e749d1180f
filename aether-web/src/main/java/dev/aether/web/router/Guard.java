package dev.aether.web.router;

/**
 * A global before-guard ({@link RouteTree.Builder#beforeEach}): decides about every navigation
 * the tree serves — full page loads, live links, back/forward and prefetches — before any route
 * guard and any loader runs. It may block (it runs on a virtual thread or a request thread); if
 * it throws, the navigation fails (a 500 with an error id on a GET).
 *
 * <pre>{@code
 * RouteTree.builder().beforeEach(to -> maintenance.on() && !to.path().equals("/maintenance")
 *         ? GuardDecision.redirect("/maintenance") : GuardDecision.allow())
 * }</pre>
 */
@FunctionalInterface
public interface Guard {
    GuardDecision check(Destination to);
}
