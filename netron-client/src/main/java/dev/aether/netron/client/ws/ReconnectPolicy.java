package dev.aether.netron.client.ws;

import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * How long a {@link ReconnectingTransport} waits before each attempt, as the reference's titan
 * client: {@code min(initial · 2^attempt, max)} ± {@code jitter}, clamped to [initial, max], so
 * that thousands of clients of a restarted server do not come back in the same millisecond.
 *
 * <pre>{@code
 * ReconnectPolicy.defaults();                                            // 1 s → 30 s, ±15 %
 * new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(500), 0.15);  // for tests
 * }</pre>
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double jitter) {
    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || initialDelay.isZero() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 < initialDelay <= maxDelay, got " + initialDelay + ", " + maxDelay);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
    }

    /** 1 s, doubling up to 30 s, ±15 %. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.15);
    }

    /** The wait before attempt {@code attempt} (0 = the first after a loss); {@code random} yields values in [0, 1). */
    public Duration delay(int attempt, DoubleSupplier random) {
        double base = Math.min(initialDelay.toMillis() * Math.pow(2, Math.min(attempt, 30)), maxDelay.toMillis());
        double jittered = base * (1 + jitter * (2 * random.getAsDouble() - 1));
        return Duration.ofMillis(Math.round(Math.max(initialDelay.toMillis(), Math.min(maxDelay.toMillis(), jittered))));
    }
}
