package dev.aether.web.router;

import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guard steps of a navigation, in the order every transport uses: the global before-guards,
 * then the guards of each matched level, outermost first; the first decision that is not
 * {@link GuardDecision.Allow} ends it. After the navigation commits, the after hooks run.
 */
final class RouteGuards {
    private static final Logger LOG = LoggerFactory.getLogger(RouteGuards.class);

    private final List<Guard> before;
    private final List<AfterHook> after;

    RouteGuards(List<Guard> before, List<AfterHook> after) {
        this.before = List.copyOf(before);
        this.after = List.copyOf(after);
    }

    /** What the guards decide about going to {@code to} through the matched levels {@code levels}, outermost first. */
    GuardDecision decide(List<MatchedLevel> levels, Destination to) {
        for (Guard guard : before) {
            GuardDecision decision = Objects.requireNonNull(guard.check(to), "a beforeEach guard returned null");
            if (!(decision instanceof GuardDecision.Allow)) {
                return decision;
            }
        }
        for (int i = 0; i < levels.size(); i++) {
            GuardDecision decision = levels.get(i).level().check(levels.get(i).params(), to);
            if (!(decision instanceof GuardDecision.Allow)) {
                return decision;
            }
        }
        return GuardDecision.allow();
    }

    /** The after hooks, once {@code to} is committed; one that throws does not stop the others. */
    void committed(Destination to) {
        if (to.kind() == Destination.Kind.PREFETCH) {
            return;   // a prefetch shows nothing, so it commits nothing
        }
        for (AfterHook hook : after) {
            try {
                hook.after(to);
            } catch (RuntimeException e) {
                LOG.warn("an afterEach hook failed after the navigation to {}", to.path(), e);
            }
        }
    }
}
