package dev.aether.netron.client.cache;

/**
 * Something that happened in a {@link ResponseCache}, as the reference's cache events.
 *
 * <pre>{@code
 * cache.addListener(event -> {
 *     if (event.type() == CacheEvent.Type.REVALIDATION_ERROR) log.warn("could not refresh {}", event.key());
 * });
 * }</pre>
 *
 * @param type what happened
 * @param key  the entry's key text, or null for {@link Type#CLEAR}
 */
public record CacheEvent(Type type, String key) {
    /** The kinds of cache event (the reference's {@code cache-hit} … {@code cache-evicted}). */
    public enum Type {
        /** A fresh entry answered the call. */
        HIT,
        /** A stale entry answered the call and a refresh started. */
        STALE,
        /** No usable entry: the call goes on. */
        MISS,
        /** The call failed and a cached result answered it instead. */
        ERROR_FALLBACK,
        /** A result was stored. */
        SET,
        /** An entry was invalidated. */
        INVALIDATE,
        /** The whole cache was cleared. */
        CLEAR,
        /** A background refresh stored a new result. */
        REVALIDATED,
        /** A background refresh failed; the stale entry stays. */
        REVALIDATION_ERROR,
        /** An entry outlived its deadlines and was dropped. */
        EXPIRED,
        /** An entry was dropped to keep the cache within its bounds. */
        EVICTED
    }
}
