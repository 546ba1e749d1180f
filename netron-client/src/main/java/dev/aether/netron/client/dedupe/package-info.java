/**
 * Concurrent identical calls share one request:
 * {@link dev.aether.netron.client.dedupe.DeduplicationInterceptor}.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.builder(transport).interceptor(new DeduplicationInterceptor()).build();
 * Users users = client.withOptions(o -> o.dedupe(true)).service(Users.class);
 * }</pre>
 */
package dev.aether.netron.client.dedupe;
