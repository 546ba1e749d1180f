package dev.aether.web.router;

import java.util.Objects;

/**
 * What a {@link NavigationStep} decides about a navigation.
 *
 * <pre>{@code
 * switch (decision) {
 *     case NavigationDecision.Proceed p -> runLoaders();
 *     case NavigationDecision.Cancel c -> stayWhereWeAre();
 *     case NavigationDecision.Redirect r -> navigateTo(r.location());
 * }
 * }</pre>
 */
public sealed interface NavigationDecision {
    /** Go on: the next step decides, and after the last the loaders run. */
    record Proceed() implements NavigationDecision {
    }

    /** Stay on the current page (a back/forward is undone in the browser). */
    record Cancel() implements NavigationDecision {
    }

    /** Go to {@code location} (a path with an optional query) instead. */
    record Redirect(String location) implements NavigationDecision {
        public Redirect {
            Objects.requireNonNull(location, "location");
        }
    }

    NavigationDecision PROCEED = new Proceed();
    NavigationDecision CANCEL = new Cancel();
}
