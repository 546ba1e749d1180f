/**
 * Middleware: pre-request, post-response and error stages, registered for every call, per
 * service or per method, run in priority order, timed one by one; all on the client's
 * interceptor chain through one adapter, {@link dev.aether.netron.client.middleware.MiddlewareInterceptor}.
 * Built-ins: bearer token injection, logging, timing with a slow threshold, error transform.
 *
 * <pre>{@code
 * MiddlewareInterceptor middleware = MiddlewareInterceptor.builder()
 *         .use("auth", new BearerTokenMiddleware(tokens), MiddlewareScope.everyCall(), 10)
 *         .use("log", new LoggingMiddleware())
 *         .build();
 * NetronClient client = NetronClient.builder(transport).interceptor(middleware).build();
 * }</pre>
 */
package dev.aether.netron.client.middleware;
