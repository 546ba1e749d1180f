/**
 * Calls on their way to a transport, and the interceptor chain they pass through (as OkHttp's):
 * {@link dev.aether.netron.client.call.Call}, {@link dev.aether.netron.client.call.CallOptions},
 * {@link dev.aether.netron.client.call.CallInterceptor} and
 * {@link dev.aether.netron.client.call.InterceptorChain}. Cache, deduplication, retry and the
 * circuit breaker are each one interceptor in their own package.
 *
 * <pre>{@code
 * CallInterceptor logging = chain -> {
 *     long start = System.nanoTime();
 *     return chain.proceed(chain.call()).whenComplete((result, error) ->
 *             log.info("{} took {} µs", chain.call().describe(), (System.nanoTime() - start) / 1000));
 * };
 * NetronClient client = NetronClient.builder(transport).interceptor(logging).build();
 * }</pre>
 */
package dev.aether.netron.client.call;
