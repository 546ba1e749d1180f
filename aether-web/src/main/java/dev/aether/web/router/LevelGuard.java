package dev.aether.web.router;

/**
 * A guard on one level ({@link Level#guard}): runs when a navigation matches that level (as a
 * layout, for every page inside it), after the global guards and the guards of the levels
 * around it, before any loader. It gets the level's own params, typed.
 *
 * <pre>{@code
 * Level.layout(TEAM_ROUTE, (ctx, outlet) -> ...)
 *         .guard((team, to) -> memberships.allows(to.principal(), team.team()) ? GuardDecision.allow() : GuardDecision.cancel())
 * }</pre>
 *
 * @param <P> the params record of the level's route
 */
@FunctionalInterface
public interface LevelGuard<P extends Record> {
    GuardDecision check(P params, Destination to);
}
