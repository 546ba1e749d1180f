/**
 * A circuit breaker per service, on Resilience4j:
 * {@link dev.aether.netron.client.breaker.CircuitBreakerInterceptor}.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.builder(transport)
 *         .interceptor(new CircuitBreakerInterceptor(BreakerSettings.DEFAULTS))
 *         .build();
 * }</pre>
 */
package dev.aether.netron.client.breaker;
