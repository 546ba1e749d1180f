package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code POST /netron/authenticate} body: {@code {id, credentials}} or {@code {id, params:[credentials]}}.
 * Credentials with a {@code token} are validated as a token, anything else is passed to authenticate.
 *
 * <pre>{@code
 * AuthenticateRequest r = NetronJson.readAuthenticate(body);
 * r.token().ifPresent(...);
 * }</pre>
 */
@JsonPropertyOrder({"id", "credentials", "params"})
public record AuthenticateRequest(String id, JsonNode credentials, List<JsonNode> params) {

    /** {@code credentials}, else {@code params[0]}, else null. */
    public JsonNode resolvedCredentials() {
        if (credentials != null && !credentials.isNull()) return credentials;
        if (params != null && !params.isEmpty() && params.get(0) != null && !params.get(0).isNull()) return params.get(0);
        return null;
    }

    /** {@code credentials.token} when it is a string. */
    public java.util.Optional<String> token() {
        JsonNode c = resolvedCredentials();
        return c != null && c.path("token").isTextual() ? java.util.Optional.of(c.get("token").asText())
                : java.util.Optional.empty();
    }
}
