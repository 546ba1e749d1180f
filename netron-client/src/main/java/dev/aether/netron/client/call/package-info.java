/**
 * Calls on their way to a transport, and the interceptor chain they pass through (as OkHttp's):
 * {@link dev.aether.netron.client.call.Call}, {@link dev.aether.netron.client.call.CallOptions},
 * {@link dev.aether.netron.client.call.CallInterceptor} and
 * {@link dev.aether.netron.client.call.InterceptorChain}. Cache, deduplication, retry and the
 * circuit breaker are each one interceptor in their own package.
 */
package dev.aether.netron.client.call;
