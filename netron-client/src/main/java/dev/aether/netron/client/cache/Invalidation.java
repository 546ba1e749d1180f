package dev.aether.netron.client.cache;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which entries to drop, as the reference's {@code invalidate()}: an exact key, a
 * {@code prefix*}, a regular expression over keys, or tags (any of them).
 *
 * <pre>{@code
 * cache.invalidate(Invalidation.parse("users:*"));           // prefix
 * cache.invalidate(Invalidation.tags("users"));              // every entry tagged users
 * cache.invalidate(new Invalidation.Matching(Pattern.compile("users:find:.*")));
 * }</pre>
 */
public sealed interface Invalidation {
    /** Whether an entry with this key text and these tags is dropped. */
    boolean matches(String key, Set<String> tags);

    /** {@code "prefix*"} is a prefix, anything else an exact key (as the reference reads a string). */
    static Invalidation parse(String pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return pattern.endsWith("*") ? new Prefix(pattern.substring(0, pattern.length() - 1)) : new Exact(pattern);
    }

    /** Entries carrying any of {@code tags}. */
    static Invalidation tags(String... tags) {
        return new Tags(Set.of(tags));
    }

    /** The entry with exactly this key. */
    record Exact(String key) implements Invalidation {
        @Override
        public boolean matches(String key, Set<String> tags) {
            return this.key.equals(key);
        }
    }

    /** Entries whose key starts with {@code prefix}. */
    record Prefix(String prefix) implements Invalidation {
        @Override
        public boolean matches(String key, Set<String> tags) {
            return key.startsWith(prefix);
        }
    }

    /** Entries whose whole key matches {@code regex}. */
    record Matching(Pattern regex) implements Invalidation {
        @Override
        public boolean matches(String key, Set<String> tags) {
            return regex.matcher(key).matches();
        }
    }

    /** Entries carrying any of {@code tags}. */
    record Tags(Set<String> tags) implements Invalidation {
        public Tags {
            tags = Set.copyOf(tags);
        }

        @Override
        public boolean matches(String key, Set<String> entryTags) {
            return entryTags.stream().anyMatch(tags::contains);
        }
    }
}
