package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The authenticate response, HTTP 200 even when the credentials are rejected
 * ({@code result.success} false).
 *
 * <pre>{@code
 * {"id":"auth-1","result":{"success":true,"context":{"userId":"u-1","roles":["admin"]}}}
 * {"id":"auth-3","result":{"success":false,"error":"Invalid token"}}
 * }</pre>
 */
@JsonPropertyOrder({"id", "result"})
public record AuthenticateResponse(String id, Result result) {

    /** An auth result: success, the auth context, an error message, metadata. Also the TASK {@code authenticate} result. */
    @JsonPropertyOrder({"success", "context", "error", "metadata"})
    public record Result(boolean success, AuthContext context, String error, Map<String, Object> metadata) {

        /** A successful result. */
        public static Result ok(AuthContext context) {
            return new Result(true, context, null, null);
        }

        /** A rejected result. */
        public static Result rejected(String error) {
            return new Result(false, null, error, null);
        }
    }

    /** The authenticated principal. */
    @JsonPropertyOrder({"userId", "roles", "permissions", "scopes", "metadata"})
    public record AuthContext(String userId, List<String> roles, List<String> permissions, List<String> scopes,
                              Map<String, Object> metadata) {
    }
}
