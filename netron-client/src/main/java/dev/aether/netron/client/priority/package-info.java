/**
 * A cap on a client's concurrent requests, with waiting calls served by
 * {@link dev.aether.netron.client.call.Priority}: {@link dev.aether.netron.client.priority.ConcurrencyLimitInterceptor}.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.builder(transport)
 *         .interceptor(new ConcurrencyLimitInterceptor(6))
 *         .build();
 * Users urgent = client.withOptions(o -> o.priority(Priority.HIGH)).service(Users.class);
 * }</pre>
 */
package dev.aether.netron.client.priority;
