package dev.aether.netron.protocol.stream;

import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packets of a stream, built and read in one place: chunks (index from 0, LIVE flag, a final
 * EOS chunk with data null), STREAM_ERROR {@code {streamId, message}} and STREAM_CLOSE
 * {@code {streamId, reason}} as the reference sends them, and our credit grant.
 *
 * <pre>{@code
 * wire.send(StreamPackets.chunk(ids.next(), 7, 0, item, false));
 * wire.send(StreamPackets.end(ids.next(), 7, 1, false));
 * wire.send(StreamPackets.close(ids.next(), 7, "cancelled by client"));
 * }</pre>
 *
 * <p>The credit grant is our extension, used only between peers that negotiated it in the
 * handshake ({@code credits} in {@code client-id}): a STREAM packet with IMPULSE 0 (the reference
 * never sends one), data null, whose index field says how many chunks in all the sender may have
 * sent: "you may send chunks with index below N". Grants are absolute, so a repeated or
 * reordered grant does no harm.
 */
public final class StreamPackets {

    /** Reason sent when a peer opens more streams than it may. */
    public static final String STREAM_LIMIT_REACHED = "stream-limit-reached";

    private StreamPackets() {
    }

    /** One chunk of data. */
    public static Packet chunk(long id, long streamId, long index, Object data, boolean live) {
        return Packet.streamChunk(id, streamId, index, data, false, live);
    }

    /** The graceful end: EOS, data null, the index after the last chunk. */
    public static Packet end(long id, long streamId, long index, boolean live) {
        return Packet.streamChunk(id, streamId, index, null, true, live);
    }

    /** The writer failed: {@code {streamId, message}}. */
    public static Packet error(long id, long streamId, String message) {
        return Packet.request(id, PacketType.STREAM_ERROR, body(streamId, "message", message));
    }

    /** The stream was destroyed (by either side): {@code {streamId, reason}}. */
    public static Packet close(long id, long streamId, String reason) {
        return Packet.request(id, PacketType.STREAM_CLOSE, body(streamId, "reason", reason));
    }

    /** The receiver lets the sender send chunks with index below {@code upTo}. */
    public static Packet credit(long id, long streamId, long upTo) {
        return new Packet(id, PacketType.STREAM, false, false, false, false, null, streamId, Math.min(upTo, Packet.MAX_UINT32));
    }

    /** Whether {@code packet} is a credit grant rather than a chunk. */
    public static boolean isCredit(Packet packet) {
        return packet.type() == PacketType.STREAM && !packet.impulse();
    }

    /** The stream a STREAM_ERROR or STREAM_CLOSE names; {@link SerializationException} (400) when it names none. */
    public static long streamIdOf(Packet packet) {
        if (packet.type() == PacketType.STREAM) return packet.streamId();
        if (packet.data() instanceof Map<?, ?> body && body.get("streamId") instanceof Number n) {
            long id = n.longValue();
            if (id >= 0 && id <= Packet.MAX_UINT32 && n.doubleValue() == id) return id;
        }
        throw SerializationException.decode(packet.type() + " without a valid streamId");
    }

    /** The message of a STREAM_ERROR or the reason of a STREAM_CLOSE; empty when there is none. */
    public static String textOf(Packet packet) {
        String key = packet.type() == PacketType.STREAM_ERROR ? "message" : "reason";
        return packet.data() instanceof Map<?, ?> body && body.get(key) != null ? String.valueOf(body.get(key)) : "";
    }

    private static Map<String, Object> body(long streamId, String key, String text) {
        Map<String, Object> body = new LinkedHashMap<>(); // key order is wire order
        body.put("streamId", streamId);
        body.put(key, text);
        return body;
    }
}
