package dev.aether.web.router;

/**
 * Runs once per committed navigation, after its loaders ({@link RouteTree.Builder#afterEach}):
 * analytics, audit logs. A cancelled or redirected navigation, and a prefetch, commit nothing, so
 * no hook runs for them. A hook that throws is logged and does not undo the navigation.
 *
 * <pre>{@code
 * RouteTree.builder().afterEach(to -> audit.visited(to.principal(), to.path()))
 * }</pre>
 */
@FunctionalInterface
public interface AfterHook {
    void after(Destination to);
}
