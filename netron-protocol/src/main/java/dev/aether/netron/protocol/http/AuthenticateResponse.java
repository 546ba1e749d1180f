package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The authenticate response, HTTP 200 even when the credentials are rejected
 * ({@code result.success} false).
 *
 * <pre>{@code
 * {"id":"auth-1","result":{"success":true,"context":{"userId":"u-1","roles":["admin"],"permissions":[],
 *                          "token":{"type":"bearer","value":"t-1"},"metadata":{"token":"t-1"}}}}
 * {"id":"auth-3","result":{"success":false,"error":"Invalid token"}}
 * }</pre>
 *
 * <p>Absent members are left out, never written as null, in JSON and in MessagePack alike (the
 * WebSocket {@code authenticate} task answers with the same {@link Result}): JavaScript code
 * reading {@code result.context.scopes} sees {@code undefined}, as with the reference.
 */
@JsonPropertyOrder({"id", "result"})
public record AuthenticateResponse(String id, Result result) {

    /** An auth result: success, the auth context, an error message, metadata. Also the TASK {@code authenticate} result. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
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

    /**
     * The authenticated principal, in the reference's {@code AuthContext} shape: {@code roles}
     * and {@code permissions} are arrays (the reference types them as required), {@code scopes},
     * {@code token} and {@code metadata} are optional.
     *
     * @param token the token the server issued, if any; the TypeScript client keeps a token only
     *              when this is {@code {type: 'bearer'}} (it reads the value from {@code metadata.token})
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"userId", "roles", "permissions", "scopes", "token", "metadata"})
    public record AuthContext(String userId, List<String> roles, List<String> permissions, List<String> scopes,
                              Token token, Map<String, Object> metadata) {
    }

    /**
     * A token issued on authentication, as {@code AuthContext.token}.
     *
     * <pre>{@code
     * AuthenticateResponse.Token.bearer("eyJhbGciOi...")   // {"type":"bearer","value":"eyJhbGciOi..."}
     * }</pre>
     *
     * @param type  {@code bearer}: sent back as {@code Authorization: Bearer <value>}
     * @param value the token itself
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "value"})
    public record Token(String type, String value) {
        /** The one token type Titan issues. */
        public static final String BEARER = "bearer";

        /** A bearer token. */
        public static Token bearer(String value) {
            return new Token(BEARER, Objects.requireNonNull(value, "value"));
        }

        /** Whether this is a bearer token with a value. */
        @JsonIgnore // not a wire member
        public boolean isBearer() {
            return BEARER.equals(type) && value != null;
        }
    }
}
