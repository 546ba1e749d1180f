package dev.aether.web.router;

import dev.aether.titan.Principal;
import java.util.List;
import java.util.Optional;

/**
 * A live navigation about to happen, as a {@link NavigationStep} sees it: where from and where to
 * (path and query), how (push, replace, back/forward), the levels the target matched with their
 * params records, and who is asking.
 *
 * <pre>{@code
 * attempt.levels().getLast().level().route() == ADMIN   // the page the navigation leads to
 * }</pre>
 */
public record NavigationAttempt(String from, String to, NavigationMode mode, List<MatchedLevel> levels, Optional<Principal> principal) {
    public NavigationAttempt {
        levels = List.copyOf(levels);
    }
}
