/**
 * Failed calls tried again, on Resilience4j Retry:
 * {@link dev.aether.netron.client.retry.RetryInterceptor}.
 */
package dev.aether.netron.client.retry;
