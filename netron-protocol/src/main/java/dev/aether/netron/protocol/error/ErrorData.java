package dev.aether.netron.protocol.error;

import java.util.Map;

/**
 * The thirteen fields of a TitanError exactly as extension 110 carries them, in wire order.
 * The codec builds exceptions from this and back; application code normally uses
 * {@link NetronException} directly.
 *
 * <pre>{@code
 * NetronException e = NetronException.fromData(data);   // picks the subclass from data.name()
 * ErrorData again = e.toData();
 * }</pre>
 *
 * @param name          the error class name on the wire ("TitanError", "RateLimitError", ...)
 * @param code          the Netron error code (HTTP-like, plus 600 and 601)
 * @param message       the message
 * @param details       free-form details, never null on the wire (empty map by default)
 * @param context       request context (service, method, userId, ...), never null on the wire
 * @param timestamp     epoch milliseconds when the error was created
 * @param requestId     tracing id or null (sent as {@code undefined})
 * @param correlationId tracing id or null (sent as {@code undefined})
 * @param spanId        tracing id or null (sent as {@code undefined})
 * @param traceId       tracing id or null (sent as {@code undefined})
 * @param stack         the peer's stack text, null unless the peer enabled stack traces
 * @param cause         a nested {@link NetronException}, a {@link RemoteError}, or null
 * @param extras        subclass fields (serviceId, methodName, limit, retryAfter, ...) or null
 */
public record ErrorData(
        String name,
        int code,
        String message,
        Map<String, Object> details,
        Map<String, Object> context,
        long timestamp,
        String requestId,
        String correlationId,
        String spanId,
        String traceId,
        String stack,
        Throwable cause,
        Map<String, Object> extras) {

    public ErrorData {
        details = details == null ? Map.of() : details;
        context = context == null ? Map.of() : context;
    }
}
