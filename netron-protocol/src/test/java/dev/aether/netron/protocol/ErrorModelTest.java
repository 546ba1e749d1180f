package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.ErrorCategory;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.http.HttpError;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorModelTest {

    @Test
    void codesCategoriesAndRetryability() {
        assertThat(ErrorCategory.of(401)).isEqualTo(ErrorCategory.AUTH);
        assertThat(ErrorCategory.of(407)).isEqualTo(ErrorCategory.AUTH);
        assertThat(ErrorCategory.of(422)).isEqualTo(ErrorCategory.VALIDATION);
        assertThat(ErrorCategory.of(429)).isEqualTo(ErrorCategory.RATE_LIMIT);
        assertThat(ErrorCategory.of(404)).isEqualTo(ErrorCategory.CLIENT);
        assertThat(ErrorCategory.of(503)).isEqualTo(ErrorCategory.SERVER);
        assertThat(ErrorCategory.of(601)).isEqualTo(ErrorCategory.SERVER);
        assertThat(new NetronException(503, "x").retryable()).isTrue();
        assertThat(new NetronException(501, "x").retryable()).isFalse();
        assertThat(new NetronException(NetronException.MULTIPLE_ERRORS, "x").httpStatus()).isEqualTo(500);
    }

    @Test
    void subclassesSurviveTheWire() {
        Instant reset = Instant.ofEpochMilli(1_700_000_003_000L);
        RateLimitException rl = new RateLimitException("Rate limit exceeded", 100, 0, reset, 3, Map.of("tier", "free"));
        Object back = NetronMsgpack.standard().decode(NetronMsgpack.standard().encode(rl));
        assertThat(back).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.limit()).isEqualTo(100);
            assertThat(e.remaining()).isZero();
            assertThat(e.resetTime()).isEqualTo(reset);
            assertThat(e.retryAfterSeconds()).isEqualTo(3);
            assertThat(e.details()).containsEntry("tier", "free");
        });
        MethodNotFoundException m = (MethodNotFoundException) NetronMsgpack.standard().decode(
                NetronMsgpack.standard().encode(new MethodNotFoundException("users@1.0.0", "deleteAll")));
        assertThat(m.serviceId()).isEqualTo("users@1.0.0");
        assertThat(m.methodName()).isEqualTo("deleteAll");
        assertThat(m.getMessage()).isEqualTo("Method not found: users@1.0.0.deleteAll");
        NetronException traced = new ServiceNotFoundException("x").withTracing("req-1", "corr-1", "span-1", "trace-1");
        NetronException again = (NetronException) NetronMsgpack.standard().decode(NetronMsgpack.standard().encode(traced));
        assertThat(again.requestId()).isEqualTo("req-1");
        assertThat(again.traceId()).isEqualTo("trace-1");
    }

    @Test
    void httpErrorShapeMatchesTheReference() {
        assertThat(NetronJson.write(HttpError.from(new NetronException(429, "Too many requests", Map.of("retryAfter", 3)))))
                .isEqualTo("{\"code\":\"429\",\"message\":\"Too many requests\",\"details\":{\"retryAfter\":3}}");
        assertThat(NetronJson.write(HttpError.from(new NetronException(409, "Email already registered",
                Map.of("errorCode", "EMAIL_TAKEN")))))
                .isEqualTo("{\"code\":\"EMAIL_TAKEN\",\"message\":\"Email already registered\",\"details\":{\"errorCode\":\"EMAIL_TAKEN\"}}");
        assertThat(NetronJson.write(HttpError.from(new IllegalStateException("boom"))))
                .isEqualTo("{\"code\":\"500\",\"message\":\"boom\",\"details\":{}}");
        assertThat(NetronJson.write(HttpError.brief(new MethodNotFoundException("users@1.0.0", "deleteAll"))))
                .isEqualTo("{\"code\":\"404\",\"message\":\"Method not found: users@1.0.0.deleteAll\"}");
        assertThat(HttpError.status(new AuthException("no"))).isEqualTo(401);
        assertThat(HttpError.status(new NetronException(NetronException.UNKNOWN_ERROR, "?"))).isEqualTo(500);
    }
}
