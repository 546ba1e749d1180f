package dev.aether.titan;

import java.util.List;

/**
 * Something that keeps cached results and can drop them when a client asks, with the
 * {@code invalidate_cache} core task ({@code ["invalidate_cache", pattern | {pattern, tags}]}).
 * Titan keeps no result cache of its own: an application cache, or an in-process client's cache,
 * registers here and reports how many entries it removed; the task answers the sum.
 *
 * <pre>{@code
 * Titan titan = Titan.builder()
 *         .service(new UserService())
 *         .cacheInvalidation(request -> userCache.invalidateMatching(request))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface CacheInvalidation {

    /** Drops the entries {@code request} names and answers how many were removed. */
    int invalidate(Request request);

    /**
     * What to invalidate: entries whose key matches {@code pattern} (an exact key, or
     * {@code prefix*}), or that carry any of {@code tags}. No pattern and no tags means
     * everything.
     *
     * <pre>{@code
     * new CacheInvalidation.Request("users*", List.of()).matchesKey("users:list") // true
     * }</pre>
     *
     * @param pattern an exact key or {@code prefix*}; null when only tags select
     * @param tags    tags, any of which selects an entry
     */
    record Request(String pattern, List<String> tags) {
        public Request {
            tags = List.copyOf(tags);
        }

        /** Everything. */
        public static Request all() {
            return new Request(null, List.of());
        }

        /** Whether this request selects every entry. */
        public boolean everything() {
            return pattern == null && tags.isEmpty();
        }

        /** Whether an entry with {@code key} is selected by the pattern (the wildcard rule of netron-wire.md §7). */
        public boolean matchesKey(String key) {
            if (everything()) {
                return true;
            }
            if (pattern == null) {
                return false;
            }
            return pattern.endsWith("*") ? key.startsWith(pattern.substring(0, pattern.length() - 1)) : key.equals(pattern);
        }

        /** Whether an entry carrying {@code entryTags} is selected, by a tag or by everything. */
        public boolean matchesTags(List<String> entryTags) {
            return everything() || entryTags.stream().anyMatch(tags::contains);
        }
    }
}
