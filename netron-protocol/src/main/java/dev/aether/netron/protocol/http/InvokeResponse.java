package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The response to one call, over {@code /netron/invoke} and inside a batch.
 *
 * <pre>{@code
 * {"id":"req-1","success":true,"data":{"id":42},"hints":{"metrics":{"serverTime":3}}}
 * {"id":"req-5","success":false,"error":{"code":"404","message":"Service nope@1.0.0 not found","details":{}}}
 *
 * InvokeResponse.success("req-1", NetronJson.tree(user), ResponseHints.timing(3));
 * InvokeResponse.failure("req-5", HttpError.from(e));
 * }</pre>
 *
 * @param data  the result; Java null omits the key (a void result), a {@code NullNode} writes {@code null}
 * @param error set when {@code success} is false
 * @param hints server timing and cache hints; absent inside a batch
 */
@JsonPropertyOrder({"id", "success", "data", "error", "hints"})
public record InvokeResponse(String id, boolean success, JsonNode data, HttpError error, ResponseHints hints) {

    /** A successful response. */
    public static InvokeResponse success(String id, JsonNode data, ResponseHints hints) {
        return new InvokeResponse(id, true, data, null, hints);
    }

    /** A failed response. */
    public static InvokeResponse failure(String id, HttpError error) {
        return new InvokeResponse(id, false, null, error, null);
    }
}
