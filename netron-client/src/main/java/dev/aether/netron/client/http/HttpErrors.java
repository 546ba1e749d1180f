package dev.aether.netron.client.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.DomainException;
import dev.aether.netron.protocol.error.ErrorData;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.http.NetronJson;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rebuilds the {@link NetronException} an HTTP error response stands for. A Titan names the
 * class in its {@code X-Netron-Error} header; from other servers (the TypeScript reference) the
 * class is inferred from the status and details: 401 auth, 403 permission, 404 method (with
 * {@code details.methodName}) or service, 408 RPC timeout, 400/422 validation, 429 rate limit,
 * 503 transport; {@code details.errorCode} keeps the generic class with that code in details.
 *
 * <pre>{@code
 * NetronException e = HttpErrors.decode(response.statusCode(), response.headers(), NetronJson.parse(body));
 * }</pre>
 */
final class HttpErrors {
    static final String ERROR_NAME = "X-Netron-Error";

    private HttpErrors() {
    }

    static NetronException decode(int status, HttpHeaders headers, JsonNode body) {
        JsonNode error = body == null ? null : body.path("error");
        String message = error != null && error.path("message").isTextual() ? error.get("message").asText() : "HTTP " + status;
        Map<String, Object> details = error != null && error.path("details").isObject()
                ? NetronJson.mapper().convertValue(error.get("details"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        int code = numericCode(error, status);
        String name = headers.firstValue(ERROR_NAME).orElseGet(() -> inferName(code, details));
        return NetronException.fromData(new ErrorData(name, code, message, details, Map.of(), System.currentTimeMillis(),
                headers.firstValue("X-Request-ID").orElse(null), headers.firstValue("X-Correlation-ID").orElse(null),
                headers.firstValue("X-Span-ID").orElse(null), headers.firstValue("X-Trace-ID").orElse(null),
                null, null, extras(name, details, headers)));
    }

    // error.code is the numeric code as text, or a business code (details.errorCode): then the status is the code.
    private static int numericCode(JsonNode error, int status) {
        if (error != null && error.path("code").isTextual()) {
            try {
                return Integer.parseInt(error.get("code").asText());
            } catch (NumberFormatException businessCode) {
                return status;
            }
        }
        return status;
    }

    private static String inferName(int code, Map<String, Object> details) {
        if (details.containsKey("errorCode")) {
            return "TitanError";
        }
        if (details.containsKey("domainCode")) {
            return DomainException.NAME;
        }
        return switch (code) {
            case 400, 422 -> ValidationException.NAME;
            case 401 -> AuthException.NAME;
            case 403 -> PermissionException.NAME;
            case 404 -> details.containsKey("methodName") ? MethodNotFoundException.NAME : ServiceNotFoundException.NAME;
            case 408 -> RpcException.NAME;
            case 429 -> RateLimitException.NAME;
            case 503 -> TransportException.NAME;
            default -> "TitanError";
        };
    }

    /** The subclass fields the JSON shape carries in details or headers. */
    private static Map<String, Object> extras(String name, Map<String, Object> details, HttpHeaders headers) {
        Map<String, Object> extras = new LinkedHashMap<>();
        switch (name) {
            case ServiceNotFoundException.NAME -> copy(details, "serviceId", extras);
            case MethodNotFoundException.NAME -> {
                copy(details, "serviceId", extras);
                copy(details, "methodName", extras);
            }
            case RateLimitException.NAME -> {
                number(details.get("limit"), headers, "X-RateLimit-Limit").ifPresent(n -> extras.put("limit", n));
                number(details.get("remaining"), headers, "X-RateLimit-Remaining").ifPresent(n -> extras.put("remaining", n));
                number(details.get("resetAt"), headers, null).ifPresent(ms -> extras.put("resetTime", Instant.ofEpochMilli(ms)));
                number(details.get("retryAfter"), headers, "Retry-After").ifPresent(s -> extras.put("retryAfter", s));
            }
            default -> {
                return null;
            }
        }
        return extras;
    }

    private static void copy(Map<String, Object> from, String key, Map<String, Object> to) {
        if (from.get(key) instanceof String value) {
            to.put(key, value);
        }
    }

    private static Optional<Long> number(Object detail, HttpHeaders headers, String header) {
        if (detail instanceof Number n) {
            return Optional.of(n.longValue());
        }
        if (header == null) {
            return Optional.empty();
        }
        try {
            return headers.firstValue(header).map(String::trim).map(Long::parseLong);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
