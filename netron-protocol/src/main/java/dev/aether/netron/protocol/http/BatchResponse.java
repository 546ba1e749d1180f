package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The batch response, always HTTP 200: one {@link InvokeResponse} per processed item (errors in
 * the brief form) and totals.
 *
 * <pre>{@code
 * {"id":"batch-2","responses":[{"id":"s1","success":true,"data":2}],
 *  "hints":{"successCount":1,"failureCount":0,"totalTime":4}}
 * }</pre>
 */
@JsonPropertyOrder({"id", "responses", "hints"})
public record BatchResponse(String id, List<InvokeResponse> responses, Hints hints) {

    /** {@code hints}: counts and total time in ms. */
    @JsonPropertyOrder({"successCount", "failureCount", "totalTime"})
    public record Hints(int successCount, int failureCount, long totalTime) {
    }
}
