package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The optional {@code hints} of a request; {@code timeout} (ms) overrides the server's timeout.
 *
 * <pre>{@code
 * {"cache":{"maxAge":60000,"tags":["users"]},"priority":"high","timeout":5000}
 * }</pre>
 *
 * @param retry the client's retry options, passed through untouched
 */
@JsonPropertyOrder({"cache", "retry", "priority", "timeout"})
public record RequestHints(CacheHints cache, JsonNode retry, String priority, Long timeout) {
}
