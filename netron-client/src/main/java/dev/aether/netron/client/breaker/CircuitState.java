package dev.aether.netron.client.breaker;

/**
 * The states of a service's circuit.
 *
 * <pre>{@code
 * if (breaker.state("users") == CircuitState.OPEN) showOfflineBanner();
 * }</pre>
 */
public enum CircuitState {
    /** Calls go through and are counted. */
    CLOSED,
    /** Calls fail at once with 503 until the cooldown ends. */
    OPEN,
    /** A few probe calls go through to see whether the service is back. */
    HALF_OPEN,
    /** Any other Resilience4j state (disabled, forced open, metrics only). */
    OTHER
}
