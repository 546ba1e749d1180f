package dev.aether.web.router;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route's path, parsed: static segments, {@code :param}, optional {@code :param?}, catch-all
 * {@code *rest} (one or more segments) and optional catch-all {@code *rest?} (zero or more). A
 * catch-all may only be last; an optional param may only be followed by other optional parts, so
 * a URL has one reading.
 *
 * <pre>{@code
 * PathPattern files = PathPattern.parse("/users/:id/files/*path");
 * files.match(RequestPath.parse("/users/42/files/a/b.txt").orElseThrow())
 *      // Optional[{id=42, path=a/b.txt}]
 * }</pre>
 */
public record PathPattern(String source, List<Segment> segments) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    /** One part of a pattern, in specificity order: a {@link Static} beats a {@link Param}, and so on. */
    public sealed interface Segment {
        /** 0 for the most specific kind; used to order patterns. */
        int rank();

        /** A literal segment, compared after percent-decoding the URL. */
        record Static(String text) implements Segment {
            public int rank() { return 0; }
        }

        /** {@code :name}: exactly one segment. */
        record Param(String name) implements Segment {
            public int rank() { return 1; }
        }

        /** {@code :name?}: one segment or none. */
        record OptionalParam(String name) implements Segment {
            public int rank() { return 2; }
        }

        /** {@code *name}: one or more segments, joined with {@code /}. */
        record CatchAll(String name) implements Segment {
            public int rank() { return 3; }
        }

        /** {@code *name?}: zero or more segments. */
        record OptionalCatchAll(String name) implements Segment {
            public int rank() { return 4; }
        }
    }

    /**
     * Most specific first: compared segment by segment, the first differing kind decides (static
     * &gt; param &gt; optional &gt; catch-all &gt; optional catch-all); when one pattern is a
     * prefix of the other, the longer wins, unless all it adds is optional: then both match the
     * shorter URL, and the pattern that asks for exactly that ({@code /docs} over
     * {@code /docs/*rest?}) wins.
     */
    public static final Comparator<PathPattern> SPECIFICITY = (a, b) -> {
        int common = Math.min(a.segments.size(), b.segments.size());
        for (int i = 0; i < common; i++) {
            int byKind = Integer.compare(a.segments.get(i).rank(), b.segments.get(i).rank());
            if (byKind != 0) {
                return byKind;
            }
        }
        PathPattern longer = a.segments.size() >= b.segments.size() ? a : b;
        boolean onlyOptionalAdded = longer.segments.subList(common, longer.segments.size()).stream().allMatch(PathPattern::isOptional);
        int longerFirst = Integer.compare(b.segments.size(), a.segments.size());
        return onlyOptionalAdded ? -longerFirst : longerFirst;
    };

    public PathPattern {
        segments = List.copyOf(segments);
    }

    /** Parses {@code pattern}; a malformed one is an {@link IllegalArgumentException} naming the problem. */
    public static PathPattern parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("a route pattern starts with /, got " + pattern);
        }
        List<Segment> segments = new ArrayList<>();
        Set<String> names = new HashSet<>();
        String body = pattern.length() > 1 && pattern.endsWith("/") ? pattern.substring(1, pattern.length() - 1) : pattern.substring(1);
        if (!body.isEmpty()) {
            for (String part : body.split("/", -1)) {
                Segment segment = segment(pattern, part);
                if (!segments.isEmpty() && isCatchAll(segments.getLast())) {
                    throw new IllegalArgumentException("a catch-all must be the last segment of " + pattern);
                }
                if (!segments.isEmpty() && isOptional(segments.getLast()) && !isOptional(segment)) {
                    throw new IllegalArgumentException("only optional segments may follow an optional one in " + pattern
                            + " (else a URL could be read two ways)");
                }
                String name = name(segment);
                if (name != null && !names.add(name)) {
                    throw new IllegalArgumentException("param " + name + " appears twice in " + pattern);
                }
                segments.add(segment);
            }
        }
        return new PathPattern(pattern, segments);
    }

    /** The names of this pattern's params, in order. */
    public List<String> paramNames() {
        return segments.stream().map(PathPattern::name).filter(n -> n != null).toList();
    }

    /** Whether {@code name} may be absent from a matching URL ({@code :name?} or {@code *name?}). */
    public boolean isOptional(String name) {
        return segments.stream().anyMatch(s -> name.equals(name(s)) && isOptional(s));
    }

    /** Whether {@code name} is a catch-all ({@code *name} or {@code *name?}). */
    public boolean isCatchAll(String name) {
        return segments.stream().anyMatch(s -> name.equals(name(s)) && isCatchAll(s));
    }

    /**
     * The param values if {@code path} matches this whole pattern (an absent optional has no
     * entry; a catch-all's segments are joined with {@code /}), else empty.
     */
    public Optional<Map<String, String>> match(RequestPath path) {
        return matchFrom(path.segments());
    }

    private Optional<Map<String, String>> matchFrom(List<String> url) {
        Map<String, String> values = new LinkedHashMap<>();
        int at = 0;
        for (Segment segment : segments) {
            switch (segment) {
                case Segment.Static s -> {
                    if (at >= url.size() || !url.get(at).equals(s.text())) {
                        return Optional.empty();
                    }
                    at++;
                }
                case Segment.Param p -> {
                    if (at >= url.size()) {
                        return Optional.empty();
                    }
                    values.put(p.name(), url.get(at++));
                }
                case Segment.OptionalParam p -> {
                    if (at < url.size()) {
                        values.put(p.name(), url.get(at++));
                    }
                }
                case Segment.CatchAll c -> {
                    if (at >= url.size()) {
                        return Optional.empty();
                    }
                    values.put(c.name(), String.join("/", url.subList(at, url.size())));
                    at = url.size();
                }
                case Segment.OptionalCatchAll c -> {
                    if (at < url.size()) {
                        values.put(c.name(), String.join("/", url.subList(at, url.size())));
                    }
                    at = url.size();
                }
            }
        }
        return at == url.size() ? Optional.of(values) : Optional.empty();
    }

    @Override
    public String toString() {
        return source;
    }

    private static Segment segment(String pattern, String part) {
        if (part.isEmpty()) {
            throw new IllegalArgumentException("empty segment (//) in " + pattern);
        }
        boolean optional = part.endsWith("?");
        String bare = optional ? part.substring(0, part.length() - 1) : part;
        if (bare.startsWith(":") || bare.startsWith("*")) {
            String name = bare.substring(1);
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("param name \"" + name + "\" in " + pattern + " must be a Java identifier (letters, digits, _)");
            }
            if (bare.startsWith(":")) {
                return optional ? new Segment.OptionalParam(name) : new Segment.Param(name);
            }
            return optional ? new Segment.OptionalCatchAll(name) : new Segment.CatchAll(name);
        }
        if (optional || part.contains(":") || part.contains("*") || part.equals(".") || part.equals("..") || part.contains("%")) {
            throw new IllegalArgumentException("static segment \"" + part + "\" in " + pattern
                    + " may not contain : * ? % nor be . or .. (params are :name, :name?, *name, *name?)");
        }
        return new Segment.Static(part);
    }

    private static String name(Segment segment) {
        return switch (segment) {
            case Segment.Static s -> null;
            case Segment.Param p -> p.name();
            case Segment.OptionalParam p -> p.name();
            case Segment.CatchAll c -> c.name();
            case Segment.OptionalCatchAll c -> c.name();
        };
    }

    private static boolean isOptional(Segment s) {
        return s instanceof Segment.OptionalParam || s instanceof Segment.OptionalCatchAll;
    }

    private static boolean isCatchAll(Segment s) {
        return s instanceof Segment.CatchAll || s instanceof Segment.OptionalCatchAll;
    }
}
