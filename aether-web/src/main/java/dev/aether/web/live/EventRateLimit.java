package dev.aether.web.live;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * How many events one live session may send: {@code events} per {@code period}, in bursts of up
 * to {@code events} (Resilience4j's limiter gives a session its permits back at the start of each
 * period; unused ones do not pile up). An event over the limit is not run: it is answered with an
 * error patch, so one page sending thousands of events a second costs the server little and
 * holds nobody else up.
 *
 * <pre>{@code
 * RateLimiterConfig config = new EventRateLimit(100, Duration.ofSeconds(1)).config();   // once per server
 * RateLimiter permits = RateLimiter.of("live-events", config);                        // once per session
 * if (!permits.acquirePermission()) { ... refuse the event ... }
 * }</pre>
 */
public record EventRateLimit(int events, Duration period) {
    /** 100 events a second: a fast typist sends about 10, a throttled pointer handler 20 to 60. */
    public static final EventRateLimit DEFAULT = new EventRateLimit(100, Duration.ofSeconds(1));

    public EventRateLimit {
        if (events < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("an event rate limit needs at least 1 event per positive period, got " + events + " per " + period);
        }
    }

    /** The configuration of every session's limiter. */
    RateLimiterConfig config() {
        return RateLimiterConfig.custom()
                .limitForPeriod(events)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)   // never wait: a refused event is answered at once
                .build();
    }

    /** What the browser is told when an event is refused. */
    String refusal() {
        return "too many events: at most " + events + " per " + period.toMillis() + " ms; this one was not run";
    }
}
