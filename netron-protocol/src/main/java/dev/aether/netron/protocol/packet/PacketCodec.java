package dev.aether.netron.protocol.packet;

import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes and decodes the binary frame:
 * {@code [uint32 BE id][uint8 flags][one MessagePack value][STREAM only: uint32 BE streamId][uint32 BE streamIndex]}.
 *
 * <pre>{@code
 * byte[] frame = PacketCodec.standard().encode(Packet.request(1, PacketType.CALL, List.of("users@1.0.0", "getUser", 42)));
 * Packet p = PacketCodec.standard().decode(frame);
 * }</pre>
 *
 * <p>Decoding is strict and total: a frame is either a {@link Packet} or a
 * {@link SerializationException} — code 413 (details {@code {received, max}}) when it is larger
 * than the limit, checked before any decoding; code 400 for everything else: shorter than a
 * header plus one value, a type above 7, a missing stream trailer, malformed MessagePack,
 * unknown extension types, trailing bytes. Type 8-15 is refused like netron-browser does (the
 * titan decoder accepts it and fails later).
 */
public final class PacketCodec {

    /** The reference's packet limit: 16 MiB. */
    public static final int MAX_PACKET_SIZE = 16 * 1024 * 1024;

    private static final int HEADER = 5;
    private static final int TRAILER = 8;
    private static final PacketCodec STANDARD = new PacketCodec(NetronMsgpack.standard(), MAX_PACKET_SIZE);

    private final NetronMsgpack msgpack;
    private final int maxPacketSize;

    /** A codec with its own value codec and size limit. */
    public PacketCodec(NetronMsgpack msgpack, int maxPacketSize) {
        this.msgpack = Objects.requireNonNull(msgpack, "msgpack");
        if (maxPacketSize < HEADER + 1) throw new IllegalArgumentException("maxPacketSize too small: " + maxPacketSize);
        this.maxPacketSize = maxPacketSize;
    }

    /** The codec with the standard value codec and the 16 MiB limit. */
    public static PacketCodec standard() {
        return STANDARD;
    }

    /** The frame bytes of a packet. Throws {@link SerializationException} (500) if the data cannot be encoded. */
    public byte[] encode(Packet packet) {
        byte[] data = msgpack.encode(packet.data());
        boolean stream = packet.type() == PacketType.STREAM;
        ByteBuffer buf = ByteBuffer.allocate(HEADER + data.length + (stream ? TRAILER : 0));
        buf.putInt((int) packet.id()).put((byte) packet.flags()).put(data);
        if (stream) buf.putInt((int) packet.streamId()).putInt((int) packet.streamIndex());
        return buf.array();
    }

    /** Decodes one complete frame. */
    public Packet decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    /** Decodes one complete frame held in {@code frame[offset, offset+length)}. */
    public Packet decode(byte[] frame, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, frame.length);
        if (length > maxPacketSize) throw SerializationException.tooLarge(length, maxPacketSize);
        if (length < HEADER + 1) {
            throw SerializationException.decode("Malformed packet: " + length + " bytes, at least " + (HEADER + 1) + " needed");
        }
        ByteBuffer buf = ByteBuffer.wrap(frame, offset, length);
        long id = buf.getInt() & 0xFFFF_FFFFL;
        int flags = buf.get() & 0xFF;
        PacketType type = PacketType.of(flags & Packet.TYPE_MASK);
        int dataLength = length - HEADER;
        long streamId = 0;
        long streamIndex = 0;
        if (type == PacketType.STREAM) {
            dataLength -= TRAILER;
            if (dataLength < 1) {
                throw SerializationException.decode("Malformed packet: STREAM packet without its 8-byte streamId/streamIndex trailer");
            }
            ByteBuffer trailer = ByteBuffer.wrap(frame, offset + length - TRAILER, TRAILER);
            streamId = trailer.getInt() & 0xFFFF_FFFFL;
            streamIndex = trailer.getInt() & 0xFFFF_FFFFL;
        }
        Object data;
        try {
            data = msgpack.decode(frame, offset + HEADER, dataLength);
        } catch (SerializationException e) {
            throw SerializationException.decode("Failed to decode packet data: " + e.getMessage(), e);
        }
        return Packet.fromFlags(id, flags, data, streamId, streamIndex);
    }
}
