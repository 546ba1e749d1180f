/**
 * The response cache on Caffeine: {@link dev.aether.netron.client.cache.ResponseCache} holds
 * the entries (fresh, stale-while-revalidate, error fallback), partitioned by principal;
 * {@link dev.aether.netron.client.cache.CacheInterceptor} puts it in a client's chain.
 *
 * <pre>{@code
 * ResponseCache cache = ResponseCache.create();
 * NetronClient client = NetronClient.builder(transport).interceptor(new CacheInterceptor(cache)).build();
 * }</pre>
 */
package dev.aether.netron.client.cache;
