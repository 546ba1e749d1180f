package dev.aether.titan;

import java.time.Duration;
import java.util.Objects;

/**
 * How long, and in how much memory, Titan keeps the results of calls that carried an idempotency
 * key, so that a retry of a call whose answer was lost gets the first result instead of running
 * the method again. Results are kept per (principal, key, service, method); the oldest go first
 * when the memory bound is reached, so a retry later than the window (or after an eviction) runs
 * the method again.
 *
 * <pre>{@code
 * Titan.builder().idempotency(new IdempotencySettings(Duration.ofMinutes(30), 64L << 20)).build();
 * }</pre>
 *
 * @param keepFor  how long a result is kept after the call completed (10 min by default: longer
 *                 than any client's retries)
 * @param maxBytes the estimated size of all kept results (their JSON and keys; 16 MiB by default)
 */
public record IdempotencySettings(Duration keepFor, long maxBytes) {
    public static final Duration DEFAULT_KEEP_FOR = Duration.ofMinutes(10);
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    public IdempotencySettings {
        Objects.requireNonNull(keepFor, "keepFor");
        if (keepFor.isNegative() || keepFor.isZero()) {
            throw new IllegalArgumentException("keepFor must be positive, got " + keepFor);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
    }

    /** 10 minutes, 16 MiB. */
    public static IdempotencySettings defaults() {
        return new IdempotencySettings(DEFAULT_KEEP_FOR, DEFAULT_MAX_BYTES);
    }
}
