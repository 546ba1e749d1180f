package dev.aether.web.router;

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
        private static final int MAX_LOCATION = 2048;

        public Redirect {
            Objects.requireNonNull(location, "location");
            if (status != 302 && status != 303 && status != 307 && status != 308) {
                throw new IllegalArgumentException("a guard redirects with 302, 303, 307 or 308, got " + status);
            }
            String refused = whyNotSameOrigin(location);
            if (refused != null) {
                throw new IllegalArgumentException("a guard redirects only to a path on this site (\"/...\"): " + refused
                        + "; an open redirect is refused");
            }
        }

        private static String whyNotSameOrigin(String location) {
            if (location.length() > MAX_LOCATION) {
                return "the location is longer than " + MAX_LOCATION + " characters";
            }
            if (!location.startsWith("/")) {
                return "\"" + printable(location) + "\" does not start with /";
            }
            if (location.startsWith("//")) {
                return "\"" + printable(location) + "\" starts with //, which a browser reads as another host";
            }
            for (int i = 0; i < location.length(); i++) {
                char c = location.charAt(i);
                if (c == '\\') {   // browsers read \ as / in a URL, so "/\evil.example" is "//evil.example"
                    return "\"" + printable(location) + "\" contains a backslash";
                }
                if (c <= 0x20 || c == 0x7f) {   // browsers drop tabs and newlines from URLs; a header must not carry them
                    return "\"" + printable(location) + "\" contains a space or control character";
                }
            }
            return null;
        }

        private static String printable(String location) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < Math.min(location.length(), 80); i++) {
                char c = location.charAt(i);
                out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
            return location.length() > 80 ? out + "…" : out.toString();
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
