package dev.aether.web.router;

import dev.aether.web.safety.SitePath;
import java.util.Objects;

/**
 * What a guard decides about a navigation: let it go on, cancel it, or send it elsewhere. On a
 * server-rendered GET a cancel is the tree's {@linkplain RouteTree.Builder#cancelledPage cancelled
 * page} with 403 and a redirect is its status and {@code Location}; on a live navigation a cancel
 * leaves the page and the URL as they were and a redirect navigates live to the new location.
 *
 * <pre>{@code
 * Level.page(ACCOUNT, "Account", ctx -> ...)
 *         .guard((params, to) -> to.principal().isPresent() ? GuardDecision.allow() : GuardDecision.redirect("/login"))
 * }</pre>
 */
public sealed interface GuardDecision {
    /** The navigation goes on: the next guard decides, then the loaders run. */
    record Allow() implements GuardDecision {
    }

    /** The navigation stops here; nothing below this guard runs (no later guard, no loader). */
    record Cancel() implements GuardDecision {
    }

    /**
     * Go to {@code location} instead, with {@code status} (302, 303, 307 or 308). Only a path on this
     * site: anything a browser could read as another origin ({@code https://…}, {@code //host},
     * {@code /\host}) is refused here, so a guard that builds its location from user input cannot
     * become an open redirect; the refusal is the guard's failure (a 500 with an error id).
     */
    record Redirect(String location, int status) implements GuardDecision {
        public Redirect {
            Objects.requireNonNull(location, "location");
            if (status != 302 && status != 303 && status != 307 && status != 308) {
                throw new IllegalArgumentException("a guard redirects with 302, 303, 307 or 308, got " + status);
            }
            String refused = SitePath.whyNot(location);
            if (refused != null) {
                throw new IllegalArgumentException("a guard redirects only to a path on this site (\"/...\"): " + refused
                        + "; an open redirect is refused");
            }
        }
    }

    static GuardDecision allow() {
        return new Allow();
    }

    static GuardDecision cancel() {
        return new Cancel();
    }

    /** Go to {@code location} (a path on this site) with 302 Found. */
    static GuardDecision redirect(String location) {
        return new Redirect(location, 302);
    }

    /** Go to {@code location} (a path on this site) with {@code status}: 302, 303, 307 or 308. */
    static GuardDecision redirect(String location, int status) {
        return new Redirect(location, status);
    }
}
