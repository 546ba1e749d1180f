package dev.aether.titan.http;

import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.jetty.http.HttpFields;

/**
 * The tracing ids of one HTTP exchange: taken from the request's {@code X-Request-ID},
 * {@code X-Correlation-ID}, {@code X-Trace-ID} and {@code X-Span-ID} headers, generated when
 * absent, and echoed on every response so a caller can find its request in the server's logs.
 *
 * <pre>{@code
 * TraceIds ids = TraceIds.from(request.getHeaders());
 * ids.writeTo(response.getHeaders());
 * }</pre>
 *
 * @param requestId     the caller's id, else {@code <epoch ms>-<random>} like the reference
 * @param correlationId the caller's, else the request id
 * @param traceId       the caller's, else 32 random hex digits (W3C trace id size)
 * @param spanId        the caller's, else 16 random hex digits
 */
record TraceIds(String requestId, String correlationId, String traceId, String spanId) {
    static final String REQUEST_ID = "X-Request-ID";
    static final String CORRELATION_ID = "X-Correlation-ID";
    static final String TRACE_ID = "X-Trace-ID";
    static final String SPAN_ID = "X-Span-ID";

    /** Longer values are replaced: they are echoed into headers and logs, so keep them bounded. */
    private static final int MAX_LENGTH = 128;

    static TraceIds from(HttpFields headers) {
        String requestId = valid(headers.get(REQUEST_ID));
        if (requestId == null) {
            requestId = System.currentTimeMillis() + "-" + Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
        }
        String correlationId = valid(headers.get(CORRELATION_ID));
        String traceId = valid(headers.get(TRACE_ID));
        String spanId = valid(headers.get(SPAN_ID));
        return new TraceIds(requestId, correlationId == null ? requestId : correlationId,
                traceId == null ? hex(2) : traceId, spanId == null ? hex(1) : spanId);
    }

    void writeTo(HttpFields.Mutable headers) {
        headers.put(REQUEST_ID, requestId);
        headers.put(CORRELATION_ID, correlationId);
        headers.put(TRACE_ID, traceId);
        headers.put(SPAN_ID, spanId);
    }

    // Only visible ASCII is echoed: anything else could smuggle control characters into headers or logs.
    private static String valid(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_LENGTH) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return null;
            }
        }
        return value;
    }

    private static String hex(int longs) {
        StringBuilder text = new StringBuilder(longs * 16);
        for (int i = 0; i < longs; i++) {
            text.append(String.format("%016x", ThreadLocalRandom.current().nextLong()));
        }
        return text.toString();
    }
}
