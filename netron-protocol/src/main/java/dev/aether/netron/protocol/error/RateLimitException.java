package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 429: too many requests. Carries {@code limit}, {@code remaining}, {@code resetTime} and
 * {@code retryAfter} as ext 110 extras, like the reference. Wire name {@code RateLimitError}.
 *
 * <p>{@code retryAfter} is in <b>seconds</b> everywhere (netron-wire.md §9.3: the reference
 * server sends seconds while its client reads milliseconds; we use seconds, as HTTP does).
 *
 * <pre>{@code
 * throw new RateLimitException("Rate limit exceeded", 100, 0, resetAt, 3, Map.of("tier", "free"));
 * }</pre>
 */
public final class RateLimitException extends NetronException {

    /** The wire name. */
    public static final String NAME = "RateLimitError";

    private static final long serialVersionUID = 1L;

    RateLimitException(ErrorData data) {
        super(data);
    }

    /** A rate-limit error; {@code retryAfterSeconds} is also copied into the Retry-After header over HTTP. */
    public RateLimitException(String message, int limit, int remaining, Instant resetTime,
                              long retryAfterSeconds, Map<String, ?> details) {
        super(NAME, 429, message, details, null, extras(limit, remaining, resetTime, retryAfterSeconds));
    }

    private static Map<String, Object> extras(int limit, int remaining, Instant resetTime, long retryAfter) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("limit", limit);
        m.put("remaining", remaining);
        m.put("resetTime", resetTime);
        m.put("retryAfter", retryAfter);
        return m;
    }

    /** The request limit of the window, or -1 when the peer did not send it. */
    public int limit() {
        Number n = extraNumber("limit");
        return n == null ? -1 : n.intValue();
    }

    /** Requests left in the window, or -1 when the peer did not send it. */
    public int remaining() {
        Number n = extraNumber("remaining");
        return n == null ? -1 : n.intValue();
    }

    /** When the window resets, or null. */
    public Instant resetTime() {
        return extras() != null && extras().get("resetTime") instanceof Instant i ? i : null;
    }

    /** Seconds to wait before retrying, or -1 when unknown. */
    public long retryAfterSeconds() {
        Number n = extraNumber("retryAfter");
        if (n == null && details().get("retryAfter") instanceof Number d) n = d;
        return n == null ? -1 : n.longValue();
    }
}
