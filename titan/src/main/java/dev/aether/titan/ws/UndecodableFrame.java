package dev.aether.titan.ws;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * The error reply to a frame that did not decode (malformed, truncated, trailing bytes, unknown
 * type, too large), when one can be addressed. A WebSocket message is a frame boundary, so a
 * bad frame never desynchronises the connection; the question is only whether the sender can
 * be told:
 *
 * <ul>
 *   <li>fewer than 4 bytes: no id, nothing to answer (dropped, logged by the caller);</li>
 *   <li>a flags byte without IMPULSE, or a stream type: nobody waits for a reply (dropped);</li>
 *   <li>otherwise an error reply with the id; the type is the request's when it is one of
 *       PING..TASK, else CALL (clients match replies on id and IMPULSE only, and a type above 7
 *       could not be decoded by the client).</li>
 * </ul>
 *
 * <pre>{@code
 * UndecodableFrame.reply(frame, error).ifPresent(outbox::send);
 * }</pre>
 */
final class UndecodableFrame {
    private static final int IMPULSE = 0x40;
    private static final int TYPE_MASK = 0x0F;

    private UndecodableFrame() {
    }

    static Optional<Packet> reply(byte[] head, NetronException error) {
        if (head.length < 4) {
            return Optional.empty();
        }
        long id = ByteBuffer.wrap(head, 0, 4).getInt() & 0xFFFF_FFFFL;
        PacketType type = PacketType.CALL;
        if (head.length >= 5) {
            int flags = head[4] & 0xFF;
            if ((flags & IMPULSE) == 0) {
                return Optional.empty();
            }
            int code = flags & TYPE_MASK;
            if (code >= PacketType.STREAM.code() && code <= PacketType.STREAM_CLOSE.code()) {
                return Optional.empty();
            }
            if (code < PacketType.STREAM.code()) {
                type = PacketType.of(code);
            }
        }
        return Optional.of(new Packet(id, type, false, true, false, false, error, 0, 0));
    }
}
