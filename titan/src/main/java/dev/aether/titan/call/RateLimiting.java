package dev.aether.titan.call;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aether.netron.protocol.error.RateLimitException;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Inbound rate limits per peer and per IP address: at most {@code limit} calls per
 * {@code window} for each key. Resilience4j counts, Caffeine forgets idle keys.
 */
public final class RateLimiting {
    private final String what;
    private final int limit;
    private final Duration window;
    private final RateLimiterConfig config;
    private final Cache<String, RateLimiter> limiters;

    public RateLimiting(int limit, Duration window) {
        this("requests", limit, window);
    }

    /** @param what what is counted, for the 429 message ("requests", "authentication attempts") */
    RateLimiting(String what, int limit, Duration window) {
        this.what = what;
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a rate limit needs a positive limit and window, got " + limit + " per " + window);
        }
        this.limit = limit;
        this.window = window;
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(window)
                .timeoutDuration(Duration.ZERO)
                .build();
        this.limiters = Caffeine.newBuilder().expireAfterAccess(window.multipliedBy(2)).maximumSize(1_000_000).build();
    }

    /** Takes one permit for each key that is not null; throws 429 when one is exhausted. */
    void acquire(Caller caller) {
        acquire(caller.peerId() == null ? null : "peer:" + caller.peerId());
        acquire(caller.remoteAddress() == null ? null : "ip:" + caller.remoteAddress());
    }

    /** Takes one permit for {@code key} (none when null); throws 429 when it is exhausted. */
    void acquire(String key) {
        if (key == null) {
            return;
        }
        RateLimiter limiter = limiters.get(key, k -> RateLimiter.of(k, config));
        if (!limiter.acquirePermission()) {
            long waitNanos = limiter instanceof AtomicRateLimiter atomic
                    ? atomic.getDetailedMetrics().getNanosToWait() : window.toNanos();
            long retryAfter = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            Instant resetAt = Instant.now().plusSeconds(retryAfter);
            throw new RateLimitException("Too many " + what + ": limit is " + limit + " per " + window.toSeconds() + " s",
                    limit, 0, resetAt, retryAfter,
                    Map.of("retryAfter", retryAfter, "limit", limit, "remaining", 0, "resetAt", resetAt.toEpochMilli()));
        }
    }
}
