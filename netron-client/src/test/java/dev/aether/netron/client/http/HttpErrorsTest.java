package dev.aether.netron.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.DomainException;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How an HTTP error response becomes the typed exception the server threw: by name from a
 * Titan's {@code X-Netron-Error} header, by status and details from the TypeScript reference.
 */
class HttpErrorsTest {

    private static HttpHeaders headers(String... namesAndValues) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
        }
        return HttpHeaders.of(map, (name, value) -> true);
    }

    private static NetronException decode(int status, String body, String... headers) {
        return HttpErrors.decode(status, headers(headers), body == null ? null : NetronJson.parse(body));
    }

    private static String error(String code, String message, String details) {
        return "{\"id\":\"r1\",\"success\":false,\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\""
                + (details == null ? "" : ",\"details\":" + details) + "}}";
    }

    @ParameterizedTest(name = "{0} without a name header is {1}")
    @CsvSource({
            "400, ValidationException",
            "422, ValidationException",
            "401, AuthException",
            "403, PermissionException",
            "404, ServiceNotFoundException",
            "408, RpcException",
            "429, RateLimitException",
            "503, TransportException",
            "500, NetronException",
    })
    void theReferenceStatusDecidesTheClass(int status, String simpleName) {
        NetronException e = decode(status, error(String.valueOf(status), "m", null));

        assertThat(e.getClass().getSimpleName()).isEqualTo(simpleName);
        assertThat(e.code()).isEqualTo(status);
        assertThat(e.getMessage()).isEqualTo("m");
    }

    @Test
    void aTitanNamesTheClassInItsHeaderWhateverTheStatus() {
        NetronException e = decode(400, error("400", "bad frame", null), "X-Netron-Error", "RpcError");

        assertThat(e).isInstanceOf(RpcException.class);
        assertThat(e.code()).isEqualTo(400);
    }

    @Test
    void a404NamingAMethodIsMethodNotFoundWithServiceAndMethod() {
        NetronException e = decode(404, error("404", "Method not found", "{\"serviceId\":\"calc@1.0.0\",\"methodName\":\"mul\"}"));

        assertThat(e).isInstanceOfSatisfying(MethodNotFoundException.class, m -> {
            assertThat(m.serviceId()).isEqualTo("calc@1.0.0");
            assertThat(m.methodName()).isEqualTo("mul");
        });
    }

    @Test
    void a404NamingAServiceKeepsTheServiceId() {
        NetronException e = decode(404, error("404", "Service not found", "{\"serviceId\":\"billing\"}"));

        assertThat(e).isInstanceOfSatisfying(ServiceNotFoundException.class, s -> assertThat(s.serviceId()).isEqualTo("billing"));
    }

    @Test
    void permissionDetailsArriveAsTypedMembers() {
        NetronException e = decode(403, error("403", "Missing required role",
                "{\"service\":\"safe@1.0.0\",\"method\":\"open\",\"missingRoles\":[\"admin\"]}"));

        assertThat(e).isInstanceOf(PermissionException.class);
        assertThat(e.details()).containsEntry("service", "safe@1.0.0").containsEntry("missingRoles", List.of("admin"));
    }

    @Test
    void aBusinessErrorCodeKeepsTheStatusAsCodeAndTheGenericClass() {
        NetronException e = decode(401, error("SESSION_EXPIRED", "Session expired", "{\"errorCode\":\"SESSION_EXPIRED\"}"));

        assertThat(e.getClass()).isEqualTo(NetronException.class);
        assertThat(e.code()).isEqualTo(401);
        assertThat(e.details()).containsEntry("errorCode", "SESSION_EXPIRED");
    }

    @Test
    void aDomainCodeInDetailsIsADomainException() {
        NetronException e = decode(409, error("409", "Already booked", "{\"domainCode\":\"BOOKED\"}"));

        assertThat(e).isInstanceOfSatisfying(DomainException.class, d -> assertThat(d.domainCode()).isEqualTo("BOOKED"));
    }

    @Test
    void rateLimitFiguresComeFromTheBodyDetails() {
        NetronException e = decode(429, error("429", "Too many requests",
                "{\"retryAfter\":12,\"limit\":100,\"remaining\":0,\"resetAt\":1700000000000}"));

        assertThat(e).isInstanceOfSatisfying(RateLimitException.class, r -> {
            assertThat(r.retryAfterSeconds()).isEqualTo(12);
            assertThat(r.limit()).isEqualTo(100);
            assertThat(r.remaining()).isZero();
            assertThat(r.resetTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        });
    }

    @Test
    void rateLimitFiguresFallBackToTheHeaders() {
        NetronException e = decode(429, error("429", "Too many requests", null),
                "Retry-After", " 30 ", "X-RateLimit-Limit", "5", "X-RateLimit-Remaining", "not-a-number");

        assertThat(e).isInstanceOfSatisfying(RateLimitException.class, r -> {
            assertThat(r.retryAfterSeconds()).isEqualTo(30);
            assertThat(r.limit()).isEqualTo(5);
            assertThat(r.remaining()).isEqualTo(-1);
        });
    }

    @Test
    void aResponseWithoutJsonIsDecodedFromItsStatusAlone() {
        NetronException e = decode(503, null);

        assertThat(e).isInstanceOf(TransportException.class);
        assertThat(e.getMessage()).isEqualTo("HTTP 503");
        assertThat(e.details()).isEmpty();
    }

    @Test
    void tracingIdsComeFromTheResponseHeaders() {
        NetronException e = decode(401, error("401", "Authentication required", null),
                "X-Request-ID", "req-9", "X-Correlation-ID", "cor-9", "X-Trace-ID", "trace-9", "X-Span-ID", "span-9");

        assertThat(e).isInstanceOf(AuthException.class);
        assertThat(e.requestId()).isEqualTo("req-9");
        assertThat(e.correlationId()).isEqualTo("cor-9");
        assertThat(e.traceId()).isEqualTo("trace-9");
        assertThat(e.spanId()).isEqualTo("span-9");
    }

    @Test
    void nonObjectDetailsAreIgnored() {
        NetronException e = decode(400, error("400", "bad", "[1,2]"));

        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(e.details()).isEmpty();
    }
}
