package dev.aether.netron.client.cache;

import dev.aether.netron.protocol.http.CacheHints;
import java.util.Set;

/**
 * A cached result and its deadlines, in the cache ticker's nanoseconds.
 *
 * @param value       the result
 * @param tags        what invalidates it
 * @param sizeBytes   its estimated encoded size
 * @param freshUntil  served without calling until then
 * @param staleUntil  served stale (while refreshed) until then
 * @param keepUntil   kept until then (later than staleUntil for error fallback and revalidation)
 * @param etag        the server's ETag for the value, sent as {@code If-None-Match} to revalidate it; or null
 * @param serverHints the {@code hints.cache} the value came with, kept for when a 304 (which has no body) confirms it; or null
 */
record CacheEntry(Object value, Set<String> tags, int sizeBytes, long freshUntil, long staleUntil, long keepUntil, String etag,
                  CacheHints serverHints) {
}
