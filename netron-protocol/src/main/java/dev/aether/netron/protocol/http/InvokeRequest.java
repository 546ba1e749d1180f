package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /netron/invoke} body, and one item of a batch.
 *
 * <pre>{@code
 * {"id":"req-1","service":"users@1.0.0","method":"getUser","input":[42]}
 * InvokeRequest r = NetronJson.readInvoke(body);
 * r.arguments()   // [42]
 * }</pre>
 *
 * @param id      caller's request id, echoed in the response
 * @param service {@code name@version} or a bare name (highest version)
 * @param method  method name
 * @param input   an array of positional arguments, or any other value passed as the single argument;
 *                the key must be present (JSON {@code null} is a {@code NullNode})
 * @param context optional tracing and identity context
 * @param hints   optional cache/retry/priority/timeout hints
 */
@JsonPropertyOrder({"id", "service", "method", "input", "context", "hints"})
public record InvokeRequest(String id, String service, String method, JsonNode input,
                            RequestContext context, RequestHints hints) {

    /** The arguments: the elements of an array {@code input}, else {@code input} as one argument. */
    public List<JsonNode> arguments() {
        if (input == null) return List.of();
        if (!input.isArray()) return List.of(input);
        List<JsonNode> args = new ArrayList<>(input.size());
        input.forEach(args::add);
        return args;
    }

    /** The reference's validity rule: id, service, method are strings and the key input exists. */
    static boolean isValid(JsonNode n) {
        return n != null && n.isObject() && n.path("id").isTextual() && n.path("service").isTextual()
                && n.path("method").isTextual() && n.has("input");
    }
}
