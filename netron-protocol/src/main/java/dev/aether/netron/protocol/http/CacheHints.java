package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Cache hints: in a request what the client wants, in a response what the server allows
 * ({@code maxAge} in ms, default 300000; {@code tags} for invalidation).
 *
 * <pre>{@code
 * {"maxAge":60000,"tags":["users","users:list"]}
 * }</pre>
 */
@JsonPropertyOrder({"maxAge", "staleWhileRevalidate", "tags"})
public record CacheHints(Long maxAge, Long staleWhileRevalidate, List<String> tags) {

    /** Response form: max age and tags. */
    public static CacheHints of(long maxAge, List<String> tags) {
        return new CacheHints(maxAge, null, tags);
    }
}
