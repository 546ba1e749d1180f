/**
 * The Netron WebSocket transport of the client:
 * {@link dev.aether.netron.client.ws.WebSocketTransport}, usually reached through
 * {@code NetronClient.websocket(uri)}.
 */
package dev.aether.netron.client.ws;
