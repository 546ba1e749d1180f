package dev.aether.web.safety;

/**
 * The rule for a redirect's location: a path on this site and nothing a browser could read as
 * another host. Used by every redirect the web layer sends (actions, the route tree's redirects,
 * guards), so a location built from user input cannot become an open redirect.
 *
 * <pre>{@code
 * SitePath.whyNot("/login?next=/a")        // null: fine
 * SitePath.whyNot("/\\evil.example")       // "\"/\evil.example\" contains a backslash"
 * }</pre>
 */
public final class SitePath {
    /** The longest location accepted. */
    public static final int MAX_LOCATION = 2048;

    private SitePath() {
    }

    /** Why {@code location} is not a plain path on this site, or null when it is. */
    public static String whyNot(String location) {
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
