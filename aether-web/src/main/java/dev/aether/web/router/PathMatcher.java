package dev.aether.web.router;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the most specific of several patterns that matches a path ({@link PathPattern#SPECIFICITY}),
 * whatever order they were added in. Two patterns that read every URL the same way (equal up to
 * param names) are refused when built: which one serves a URL must never depend on order.
 *
 * <pre>{@code
 * PathMatcher<String> matcher = PathMatcher.of(List.of(
 *         new PathMatcher.Entry<>(PathPattern.parse("/users/:id"), "user"),
 *         new PathMatcher.Entry<>(PathPattern.parse("/users/new"), "new user")));
 * matcher.match(RequestPath.parse("/users/new").orElseThrow()).orElseThrow().value()   // "new user"
 * }</pre>
 */
public final class PathMatcher<T> {
    /** A pattern and what it leads to. */
    public record Entry<T>(PathPattern pattern, T value) {
    }

    /** The entry that matched, and its params. */
    public record Match<T>(PathPattern pattern, T value, Map<String, String> params) {
    }

    private final List<Entry<T>> bySpecificity;

    private PathMatcher(List<Entry<T>> entries) {
        List<Entry<T>> sorted = new ArrayList<>(entries);
        sorted.sort((a, b) -> PathPattern.SPECIFICITY.compare(a.pattern(), b.pattern()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sameShape(sorted.get(i - 1).pattern(), sorted.get(i).pattern())) {
                throw new IllegalArgumentException("routes " + sorted.get(i - 1).pattern() + " and " + sorted.get(i).pattern()
                        + " match the same URLs: remove or change one");
            }
        }
        this.bySpecificity = List.copyOf(sorted);
    }

    public static <T> PathMatcher<T> of(List<Entry<T>> entries) {
        return new PathMatcher<>(entries);
    }

    /** The patterns, most specific first: the order they are tried in. */
    public List<PathPattern> patterns() {
        return bySpecificity.stream().map(Entry::pattern).toList();
    }

    /** The most specific entry matching {@code path}, or empty. */
    public Optional<Match<T>> match(RequestPath path) {
        for (Entry<T> entry : bySpecificity) {
            Optional<Map<String, String>> params = entry.pattern().match(path);
            if (params.isPresent()) {
                return Optional.of(new Match<>(entry.pattern(), entry.value(), params.get()));
            }
        }
        return Optional.empty();
    }

    private static boolean sameShape(PathPattern a, PathPattern b) {
        if (a.segments().size() != b.segments().size()) {
            return false;
        }
        for (int i = 0; i < a.segments().size(); i++) {
            PathPattern.Segment x = a.segments().get(i);
            PathPattern.Segment y = b.segments().get(i);
            boolean same = x instanceof PathPattern.Segment.Static s ? x.equals(y) : x.rank() == y.rank();
            if (!same) {
                return false;
            }
        }
        return true;
    }
}
