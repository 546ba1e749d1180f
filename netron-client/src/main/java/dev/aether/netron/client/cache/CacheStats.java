package dev.aether.netron.client.cache;

/**
 * A snapshot of a {@link ResponseCache}, as the reference's stats.
 *
 * <pre>{@code
 * CacheStats stats = cache.stats();
 * System.out.printf("%d entries, %.0f%% hits%n", stats.entries(), stats.hitRate() * 100);
 * }</pre>
 *
 * @param entries                how many entries it holds
 * @param hits                   calls answered from the cache (fresh or stale)
 * @param misses                 calls that had to go on
 * @param hitRate                hits / (hits + misses), 0 before any call
 * @param sizeBytes              the estimated encoded size of all entries
 * @param revalidationsInFlight  background refreshes running now
 */
public record CacheStats(long entries, long hits, long misses, double hitRate, long sizeBytes, int revalidationsInFlight) {
}
