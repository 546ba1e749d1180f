/**
 * Titan's Netron WebSocket endpoint: not application API. It is exported only because Jetty
 * reaches a WebSocket listener ({@link dev.aether.titan.ws.NetronSocket}) through
 * {@code MethodHandles.publicLookup()}; {@link dev.aether.titan.ws.WebSocketEndpoint} wraps a
 * server's handler with it, and {@code Titan} does so for applications.
 *
 * <pre>{@code
 * container.addMapping("/*", (req, resp, cb) -> new NetronSocket(gate.admit(req), context));
 * }</pre>
 */
package dev.aether.titan.ws;
