/**
 * Titan's Netron WebSocket endpoint: internal, not exported. {@link dev.aether.titan.ws.WebSocketEndpoint}
 * wraps a server's handler with it, and {@code Titan} does so for applications. Each connection is a
 * {@link dev.aether.titan.ws.NetronSocket}, served on Jetty's websocket-core through
 * {@link dev.aether.titan.transport.SocketFrames}, which, unlike Jetty's listener API, needs no
 * package exported to everyone.
 *
 * <pre>{@code
 * Handler app = WebSocketEndpoint.wrap(server, httpHandler, dispatcher, settings);
 * server.setHandler(app);
 * }</pre>
 */
package dev.aether.titan.ws;
