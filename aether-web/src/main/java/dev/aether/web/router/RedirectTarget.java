package dev.aether.web.router;

import java.util.Map;

/**
 * The location of a route-declared redirect, whose path may name the params of the pattern it
 * redirects from, in the pattern syntax ({@code :id}, {@code :page?}, {@code *rest},
 * {@code *rest?}). It is checked once, when the tree is built, so a target naming a param the
 * source does not capture (or may not capture) is an error then, not a broken redirect later;
 * each redirected URL fills it with the values it matched, percent-encoded again.
 *
 * <pre>{@code
 * RedirectTarget.check(PathPattern.parse("/people/:id"), "/users/:id?tab=profile");
 * RedirectTarget.fill("/users/:id?tab=profile", Map.of("id", "ada lovelace"));   // "/users/ada%20lovelace?tab=profile"
 * }</pre>
 */
final class RedirectTarget {
    private RedirectTarget() {
    }

    /** {@link IllegalArgumentException} unless every param {@code location} names is one {@code from} always captures, as it needs it. */
    static void check(PathPattern from, String location) {
        if (!hasParams(location)) {
            return;
        }
        PathPattern target = PathPattern.parse(pathOf(location));
        for (String name : target.paramNames()) {
            if (!from.paramNames().contains(name)) {
                throw new IllegalArgumentException("the redirect from " + from.source() + " to " + location + " names :" + name
                        + ", which " + from.source() + " does not capture");
            }
            if (from.isOptional(name) && !target.isOptional(name)) {
                throw new IllegalArgumentException("the redirect from " + from.source() + " to " + location + " needs " + name
                        + ", which " + from.source() + " may not capture: make it optional in the target (" + name + "?)");
            }
            if (from.isCatchAll(name) && !target.isCatchAll(name)) {
                throw new IllegalArgumentException("the redirect from " + from.source() + " to " + location + " puts the catch-all "
                        + name + " (several segments) in one segment: make it *" + name + " in the target");
            }
        }
    }

    /** {@code location} with the values of {@code params} (decoded, as matched) in place of the params it names. */
    static String fill(String location, Map<String, String> params) {
        if (!hasParams(location)) {
            return location;
        }
        StringBuilder url = new StringBuilder();
        for (PathPattern.Segment segment : PathPattern.parse(pathOf(location)).segments()) {
            switch (segment) {
                case PathPattern.Segment.Static s -> url.append('/').append(RequestPath.encodeSegment(s.text()));
                case PathPattern.Segment.Param p -> appendSegments(url, params.get(p.name()), false);
                case PathPattern.Segment.OptionalParam p -> appendSegments(url, params.get(p.name()), false);
                case PathPattern.Segment.CatchAll c -> appendSegments(url, params.get(c.name()), true);
                case PathPattern.Segment.OptionalCatchAll c -> appendSegments(url, params.get(c.name()), true);
            }
        }
        int query = queryStart(location);
        return (url.isEmpty() ? "/" : url.toString()) + (query < 0 ? "" : location.substring(query));
    }

    private static void appendSegments(StringBuilder url, String value, boolean several) {
        if (value == null || value.isEmpty()) {
            return;   // an optional param the URL did not have
        }
        for (String part : several ? value.split("/") : new String[] {value}) {
            if (!part.isEmpty()) {   // a catch-all's value is its segments joined with /; an encoded / in one splits it
                url.append('/').append(RequestPath.encodeSegment(part));
            }
        }
    }

    private static boolean hasParams(String location) {
        return pathOf(location).contains("/:") || pathOf(location).contains("/*");
    }

    private static String pathOf(String location) {
        int query = queryStart(location);
        return query < 0 ? location : location.substring(0, query);
    }

    /**
     * Where the query starts, or -1: the first {@code ?} that does not end an optional param's
     * name ({@code /teams/:page??from=old} is the optional {@code :page?}, then the query).
     */
    private static int queryStart(String location) {
        boolean inParam = false;
        for (int i = 0; i < location.length(); i++) {
            char c = location.charAt(i);
            if (c == '/') {
                inParam = i + 1 < location.length() && (location.charAt(i + 1) == ':' || location.charAt(i + 1) == '*');
            } else if (c == '?') {
                if (!inParam) {
                    return i;
                }
                inParam = false;   // that was the param's optional mark; the next ? starts the query
            }
        }
        return -1;
    }
}
