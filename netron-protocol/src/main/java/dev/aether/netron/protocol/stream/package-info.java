/**
 * Streams over a Netron connection: a method's {@code Flow.Publisher}, {@code Stream} or
 * {@code Iterator} result (or Publisher argument) travels as a stream reference and then as
 * STREAM packets. {@link dev.aether.netron.protocol.stream.PeerStreams} holds one peer's streams,
 * both ways, with a credit window when both sides offered one in the handshake (our extension);
 * {@link dev.aether.netron.protocol.stream.StreamLimits} bounds what a peer can make us buffer.
 * Used by titan and netron-client; no I/O of its own ({@link dev.aether.netron.protocol.stream.StreamWire}
 * is the connection).
 *
 * <pre>{@code
 * PeerStreams streams = new PeerStreams(wire, StreamLimits.defaults().withCredits(64), Throwable::getMessage);
 * streams.enableCredits(peerWindow);                // both sides said "credits" in the handshake
 * if (streams.route(packet)) return;                 // a chunk, credit, STREAM_ERROR or STREAM_CLOSE
 * }</pre>
 */
package dev.aether.netron.protocol.stream;
