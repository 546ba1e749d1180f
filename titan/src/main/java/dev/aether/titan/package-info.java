/**
 * Titan, the service host: plain Java classes annotated {@code @Service}, their {@code @Public}
 * methods served over Netron HTTP and WebSocket (Jetty 12, a virtual thread per request) and in
 * process. The entry type is {@link dev.aether.titan.Titan}; its builder takes the services,
 * Guice modules, an {@link dev.aether.titan.Authenticator}, limits and {@link dev.aether.titan.Mount}s
 * such as aether-web's pages. This is the only package applications use: the dispatcher,
 * transports and service model are internal.
 *
 * <pre>{@code
 * Titan titan = Titan.builder()
 *         .port(8080)
 *         .service(new CalculatorService())
 *         .build()
 *         .start();
 * Calculator calc = titan.client().service(Calculator.class);   // in process, no sockets
 * }</pre>
 */
package dev.aether.titan;
