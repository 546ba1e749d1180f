/**
 * A cap on a client's concurrent requests, with waiting calls served by
 * {@link dev.aether.netron.client.call.Priority}: {@link dev.aether.netron.client.priority.ConcurrencyLimitInterceptor}.
 */
package dev.aether.netron.client.priority;
