package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;

/**
 * The optional {@code context} of a request.
 *
 * <pre>{@code
 * {"traceId":"t-1","userId":"u-1"}
 * }</pre>
 */
@JsonPropertyOrder({"traceId", "spanId", "userId", "tenantId", "metadata"})
public record RequestContext(String traceId, String spanId, String userId, String tenantId,
                             Map<String, Object> metadata) {
}
