/**
 * Concurrent identical calls share one request:
 * {@link dev.aether.netron.client.dedupe.DeduplicationInterceptor}.
 */
package dev.aether.netron.client.dedupe;
