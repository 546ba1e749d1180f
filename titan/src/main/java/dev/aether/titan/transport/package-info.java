/**
 * What Titan's transports share with aether-web's live channel, written once: the browser
 * origin check ({@link dev.aether.titan.transport.OriginCheck}), unguessable tokens
 * ({@link dev.aether.titan.transport.SecureToken}), the WebSocket keep-alive
 * ({@link dev.aether.titan.transport.Heartbeat}) and the frames of a WebSocket connection on
 * Jetty's websocket-core turned into a socket's events ({@link dev.aether.titan.transport.SocketFrames}).
 * Exported to aether-web only: not application API.
 *
 * <pre>{@code
 * if (!new OriginCheck(settings.allowedOrigins()).admits(request)) { ... }   // 4403 / 4001 / 403
 * String token = SecureToken.random(18);
 * }</pre>
 */
package dev.aether.titan.transport;
