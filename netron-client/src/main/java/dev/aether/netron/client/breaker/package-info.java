/**
 * A circuit breaker per service, on Resilience4j:
 * {@link dev.aether.netron.client.breaker.CircuitBreakerInterceptor}.
 */
package dev.aether.netron.client.breaker;
