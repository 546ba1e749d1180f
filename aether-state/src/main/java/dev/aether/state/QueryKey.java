package dev.aether.state;

import java.util.Objects;
import java.util.Set;

/**
 * What identifies one shared query entry: the call's key text (the client's
 * {@code service:method:JSON(args)}, or an explicit key), whose entry it is (a principal, or
 * null for a result declared the same for every caller) and the tags it is invalidated by.
 * Two owners with equal keys share one entry and one fetch.
 *
 * <pre>{@code
 * state.invalidate(key -> key.text().startsWith("users@1.0.0:find:") && "alice".equals(key.principal()));
 * }</pre>
 *
 * @param text      the key text invalidation patterns match
 * @param principal whose entry it is, or null when every caller shares it
 * @param tags      the names it is invalidated by (the query's tags, or {@code service} and
 *                  {@code service:method})
 */
public record QueryKey(String text, String principal, Set<String> tags) {
    public QueryKey {
        Objects.requireNonNull(text, "text");
        tags = Set.copyOf(tags);
    }

    /** Tags do not tell entries apart: the same call for the same principal is one entry. */
    @Override
    public boolean equals(Object other) {
        return other instanceof QueryKey k && text.equals(k.text) && Objects.equals(principal, k.principal);
    }

    @Override
    public int hashCode() {
        return text.hashCode() * 31 + Objects.hashCode(principal);
    }
}
