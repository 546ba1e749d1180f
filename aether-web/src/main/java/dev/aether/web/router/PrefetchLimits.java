package dev.aether.web.router;

import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * How much prefetching one live page may ask of the server: at most {@code maxInFlight}
 * prefetches running at once, and at most {@code perPeriod} started per {@code period}. A prefetch
 * over either bound is dropped, not queued (the navigation, if it comes, loads what it needs), so
 * a hostile page cannot make the server run loaders without limit. Prefetches are also live
 * events, so they count towards the session's event rate limit as well.
 *
 * <pre>{@code
 * RouteTree.builder().prefetchLimits(new PrefetchLimits(2, 20, Duration.ofSeconds(10)))
 * }</pre>
 */
public record PrefetchLimits(int maxInFlight, int perPeriod, Duration period) {
    /** 4 at once, 30 per 10 s: a hover every third of a second, or a screenful of viewport links, and not a crawl. */
    public static final PrefetchLimits DEFAULT = new PrefetchLimits(4, 30, Duration.ofSeconds(10));
    /** No prefetching: every prefetch is dropped. */
    public static final PrefetchLimits OFF = new PrefetchLimits(0, 1, Duration.ofSeconds(1));

    public PrefetchLimits {
        if (maxInFlight < 0) {
            throw new IllegalArgumentException("maxInFlight must not be negative, got " + maxInFlight);
        }
        if (perPeriod < 1 || period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a prefetch rate needs at least 1 per positive period, got " + perPeriod + " per " + period);
        }
    }

    /** Resilience4j's configuration of one page's rate: permits come back at the start of each period, never waited for. */
    RateLimiterConfig rate() {
        return RateLimiterConfig.custom()
                .limitForPeriod(perPeriod)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
    }
}
