/**
 * Fluent calls, the seed's chain typed for Java: options for one call
 * ({@link dev.aether.netron.client.fluent.FluentCall}), then the method, picked by a lambda, with
 * what happens to its result ({@link dev.aether.netron.client.fluent.FluentMethod}): transform,
 * validate, fallback, optimistic update, invalidation on success, background refresh, metrics.
 *
 * <pre>{@code
 * String name = client.fluent(Users.class)
 *         .retry(3)
 *         .calling(u -> u.find(42))        // a FluentMethod: what happens to the result
 *         .transform(User::name)
 *         .fallback("unknown")
 *         .call();
 * }</pre>
 */
package dev.aether.netron.client.fluent;
