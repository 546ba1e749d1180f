package dev.aether.netron.protocol.stream;

import dev.aether.netron.protocol.packet.Packet;

/**
 * What the streams of a connection need from it: send a packet and say when it is written.
 *
 * <pre>{@code
 * StreamWire wire = (packet, written) -> outbox.send(packet, written);
 * }</pre>
 */
@FunctionalInterface
public interface StreamWire {
    /**
     * Encodes and sends {@code packet}; {@code written} runs once, when the bytes are written or
     * the send failed. Throws {@link dev.aether.netron.protocol.error.SerializationException}
     * (and sends nothing, runs nothing) when the data cannot be encoded.
     */
    void send(Packet packet, Runnable written);
}
