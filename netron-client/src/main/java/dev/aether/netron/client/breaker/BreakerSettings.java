package dev.aether.netron.client.breaker;

import java.time.Duration;

/**
 * When a service's circuit opens and how it closes again. Resilience4j counts a failure rate
 * over a time window where the reference counts failures: the circuit opens once at least
 * {@code minimumCalls} calls were made in {@code window} and {@code failureRatePercent} of them
 * failed; after {@code cooldown} it lets {@code halfOpenProbes} calls through, and closes if
 * enough of them succeed, or opens again.
 *
 * <pre>{@code
 * BreakerSettings settings = new BreakerSettings(50, 10, Duration.ofSeconds(30), Duration.ofSeconds(15), 3);
 * }</pre>
 *
 * @param failureRatePercent the failure rate that opens the circuit (1 to 100)
 * @param minimumCalls       calls in the window before the rate counts (the reference's threshold)
 * @param window             how far back calls count
 * @param cooldown           how long the circuit stays open before probing
 * @param halfOpenProbes     calls let through to probe (the reference's successThreshold)
 */
public record BreakerSettings(float failureRatePercent, int minimumCalls, Duration window, Duration cooldown, int halfOpenProbes) {
    /** 50 % of at least 5 calls in 60 s opens for 30 s; 3 probes. */
    public static final BreakerSettings DEFAULTS = new BreakerSettings(50, 5, Duration.ofSeconds(60), Duration.ofSeconds(30), 3);

    public BreakerSettings {
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("failureRatePercent must be in (0, 100], got " + failureRatePercent);
        }
        if (minimumCalls < 1 || halfOpenProbes < 1) {
            throw new IllegalArgumentException("minimumCalls and halfOpenProbes must be at least 1");
        }
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("window must be at least one second, got " + window);
        }
    }
}
