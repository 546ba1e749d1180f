/**
 * The two JSON messages of the WebSocket handshake (netron-wire.md §4).
 *
 * <pre>{@code
 * byte[] hello = new Handshake.ServerId("server-netron-id").toBytes();
 * if (Handshake.looksLikeHandshake(frame)) {
 *     Handshake h = Handshake.parse(frame);    // ClientId[id=...]
 * }
 * }</pre>
 */
package dev.aether.netron.protocol.handshake;
