package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * {@code hints} of a successful invoke response: server timing and, for cacheable methods,
 * cache hints.
 *
 * <pre>{@code
 * {"metrics":{"serverTime":0},"cache":{"maxAge":60000,"tags":["users","users:list"]}}
 * }</pre>
 */
@JsonPropertyOrder({"metrics", "cache"})
public record ResponseHints(Metrics metrics, CacheHints cache) {

    /** Hints with only the server time in ms. */
    public static ResponseHints timing(long serverTimeMillis) {
        return new ResponseHints(new Metrics(serverTimeMillis), null);
    }

    /** {@code {"serverTime": ms}}. */
    public record Metrics(long serverTime) {
    }
}
