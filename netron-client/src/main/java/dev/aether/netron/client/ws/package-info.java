/**
 * The Netron WebSocket transport of the client:
 * {@link dev.aether.netron.client.ws.WebSocketTransport}, usually reached through
 * {@code NetronClient.websocket(uri)}.
 *
 * <pre>{@code
 * try (NetronClient client = NetronClient.websocket(URI.create("ws://127.0.0.1:8080/"))) {
 *     int five = client.service(Calculator.class).add(2, 3);
 * }
 * }</pre>
 */
package dev.aether.netron.client.ws;
