package dev.aether.titan;

import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The caches registered with one Titan; the {@code invalidate_cache} task asks each of them.
 * Registration can come and go while the server runs (an in-process client's cache registers
 * when it is created and unregisters when it is closed).
 *
 * <pre>{@code
 * try (var registration = titan.cacheInvalidations().register(myCache::invalidate)) {
 *     ...
 * }
 * }</pre>
 */
public final class CacheInvalidations {
    private final CopyOnWriteArrayList<CacheInvalidation> listeners = new CopyOnWriteArrayList<>();

    /** A registered listener; closing it unregisters. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    /** Adds {@code listener}; closing the answer removes it again. */
    public Registration register(CacheInvalidation listener) {
        CacheInvalidation wrapped = listener::invalidate; // a distinct instance, so the same listener may register twice
        listeners.add(wrapped);
        return () -> listeners.remove(wrapped);
    }

    /** Asks every registered cache to drop what {@code request} names; answers the total removed. */
    public int invalidate(CacheInvalidation.Request request) {
        int removed = 0;
        for (CacheInvalidation listener : listeners) {
            removed += listener.invalidate(request);
        }
        return removed;
    }
}
