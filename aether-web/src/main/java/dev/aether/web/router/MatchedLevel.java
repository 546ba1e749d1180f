package dev.aether.web.router;

import java.util.List;
import java.util.Objects;

/**
 * One level of the chain a URL matched, with its params record read from that URL. Two chains
 * share their levels from the top down as long as each pair is the same {@link Level} with equal
 * params: a live navigation renders again only below the deepest shared level
 * ({@link #sharedDepth}).
 *
 * <pre>{@code
 * // /users/1/posts → /users/1/likes: the root layout and the /users/:id layout are shared
 * MatchedLevel.sharedDepth(from, to)   // 2
 * }</pre>
 */
public record MatchedLevel(Level<?> level, Record params) {
    public MatchedLevel {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(params, "params");
    }

    /** Whether this level stays as it is when the page moves to {@code other}: the same level, equal params. */
    public boolean sameAs(MatchedLevel other) {
        return level == other.level && params.equals(other.params);
    }

    /**
     * How many levels, from the top, {@code from} and {@code to} share: the index of the first
     * level that must be rendered again. A page (a leaf) is never shared with itself unless its
     * params are equal too, and then the count is the whole chain (nothing to render again).
     */
    public static int sharedDepth(List<MatchedLevel> from, List<MatchedLevel> to) {
        int n = Math.min(from.size(), to.size());
        int i = 0;
        while (i < n && from.get(i).sameAs(to.get(i))) {
            i++;
        }
        return i;
    }
}
