package dev.aether.netron.protocol.stream;

import dev.aether.netron.protocol.packet.Packet;

/** What one stream needs from the table that holds it: packet ids, the wire, and to be let go. */
interface StreamChannel {
    long nextPacketId();

    /** Sends; a packet that cannot be encoded throws and is not sent. */
    void send(Packet packet, Runnable written);

    /** The stream ended, one way or another: drop it from the table. */
    void forget(Object stream, long streamId);

    /** The text a STREAM_ERROR carries for a failure of our own source (no internals for unknown errors). */
    String describe(Throwable failure);
}
