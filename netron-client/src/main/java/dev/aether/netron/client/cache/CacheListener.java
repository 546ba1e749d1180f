package dev.aether.netron.client.cache;

/**
 * Hears every {@link CacheEvent} of a {@link ResponseCache}, on the thread that caused it: keep
 * it short and do not call the cache back from it.
 *
 * <pre>{@code
 * cache.addListener(event -> metrics.counter("cache." + event.type()).increment());
 * }</pre>
 */
@FunctionalInterface
public interface CacheListener {
    void onEvent(CacheEvent event);
}
