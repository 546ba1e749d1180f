/**
 * Failed calls tried again, on Resilience4j Retry:
 * {@link dev.aether.netron.client.retry.RetryInterceptor}.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.builder(transport).interceptor(new RetryInterceptor()).build();
 * Users users = client.withOptions(o -> o.retry(RetryPolicy.attempts(3)).idempotent(true)).service(Users.class);
 * }</pre>
 */
package dev.aether.netron.client.retry;
