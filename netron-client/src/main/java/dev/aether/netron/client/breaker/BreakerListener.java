package dev.aether.netron.client.breaker;

/**
 * Told when a service's circuit changes state (the reference's circuit-breaker-open,
 * -half-open and -closed events).
 *
 * <pre>{@code
 * breaker.addListener((service, from, to) -> log.warn("circuit of {}: {} -> {}", service, from, to));
 * }</pre>
 */
@FunctionalInterface
public interface BreakerListener {
    void onStateChange(String service, CircuitState from, CircuitState to);
}
