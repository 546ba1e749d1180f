/**
 * Fluent calls, the seed's chain typed for Java: options for one call
 * ({@link dev.aether.netron.client.fluent.FluentCall}), then the method, picked by a lambda, with
 * what happens to its result ({@link dev.aether.netron.client.fluent.FluentMethod}): transform,
 * validate, fallback, optimistic update, invalidation on success, background refresh, metrics.
 */
package dev.aether.netron.client.fluent;
