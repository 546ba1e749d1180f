package dev.aether.titan.http;

import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.http.HttpError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * How a {@link NetronException} is answered over HTTP (netron-wire.md §3): the status from its
 * code, the {@code {code, message, details}} shape, {@code WWW-Authenticate} for an
 * {@link AuthException}, {@code Retry-After} and {@code X-RateLimit-*} for 429.
 *
 * <p>Our extension: the {@value #ERROR_NAME} header carries the error's wire name and a not-found
 * error's details carry {@code serviceId}/{@code methodName}, so the Java client rebuilds the
 * same exception class; the JSON shape stays the reference's.
 *
 * <pre>{@code
 * ErrorReply reply = ErrorReply.of(e);
 * reply.writeHeadersTo(response.getHeaders());
 * send(reply.status(), InvokeResponse.failure(id, reply.body()));
 * }</pre>
 */
record ErrorReply(int status, HttpError body, NetronException error) {
    static final String ERROR_NAME = "X-Netron-Error";

    static ErrorReply of(NetronException e) {
        HttpError plain = HttpError.from(e);
        return new ErrorReply(HttpError.status(e), new HttpError(plain.code(), plain.message(), detailsOf(e)), e);
    }

    /** The batch-item form: code and message only, as in the reference. */
    static HttpError brief(NetronException e) {
        return HttpError.brief(e);
    }

    void writeHeadersTo(HttpFields.Mutable headers) {
        headers.put(ERROR_NAME, error.wireName());
        if (error instanceof AuthException) {
            headers.put("WWW-Authenticate", "Bearer");
        }
        if (status == 429) {
            long retryAfter = retryAfterSeconds(error);
            if (retryAfter >= 0) {
                headers.put("Retry-After", Long.toString(retryAfter));
            }
            number(error.details().get("limit")).ifPresent(n -> headers.put("X-RateLimit-Limit", n.toString()));
            number(error.details().get("remaining")).ifPresent(n -> headers.put("X-RateLimit-Remaining", n.toString()));
            // resetAt travels in epoch ms in the body; the header uses epoch seconds, as most APIs do.
            number(error.details().get("resetAt")).ifPresent(n -> headers.put("X-RateLimit-Reset", Long.toString(n.longValue() / 1000)));
        }
    }

    private static long retryAfterSeconds(NetronException e) {
        if (e instanceof RateLimitException limited) {
            return limited.retryAfterSeconds();
        }
        return number(e.details().get("retryAfter")).map(Number::longValue).orElse(-1L);
    }

    private static java.util.Optional<Number> number(Object value) {
        return value instanceof Number n ? java.util.Optional.of(n) : java.util.Optional.empty();
    }

    private static Map<String, Object> detailsOf(NetronException e) {
        if (!(e instanceof ServiceNotFoundException) && !(e instanceof MethodNotFoundException)) {
            return e.details();
        }
        Map<String, Object> details = new LinkedHashMap<>(e.details());
        if (e instanceof ServiceNotFoundException s && s.serviceId() != null) {
            details.putIfAbsent("serviceId", s.serviceId());
        }
        if (e instanceof MethodNotFoundException m) {
            if (m.serviceId() != null) {
                details.putIfAbsent("serviceId", m.serviceId());
            }
            if (m.methodName() != null) {
                details.putIfAbsent("methodName", m.methodName());
            }
        }
        return details;
    }
}
