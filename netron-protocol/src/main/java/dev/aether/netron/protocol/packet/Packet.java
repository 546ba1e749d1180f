package dev.aether.netron.protocol.packet;

import dev.aether.netron.protocol.error.NetronException;

/**
 * One Netron packet: a uint32 id, a type, the IMPULSE/ERROR/EOS/LIVE flags, one value of data
 * and, for STREAM packets only, the stream id and chunk index.
 *
 * <pre>{@code
 * Packet call = Packet.request(ids.next(), PacketType.CALL, List.of("users@1.0.0", "getUser", 42));
 * Packet reply = call.reply(user);                       // same id and type, IMPULSE cleared
 * Packet failed = call.replyError(new ServiceNotFoundException("users@1.0.0"));
 * }</pre>
 *
 * @param id          uint32 packet id; a response reuses its request's id
 * @param type        the operation
 * @param impulse     true for a request, false for a response
 * @param error       true when {@code data} is an error
 * @param eos         end of stream (STREAM only)
 * @param live        live stream (STREAM only)
 * @param data        the payload: any value {@code NetronMsgpack} can encode
 * @param streamId    uint32 stream id (STREAM only, else 0)
 * @param streamIndex uint32 chunk index (STREAM only, else 0)
 */
public record Packet(long id, PacketType type, boolean impulse, boolean error, boolean eos, boolean live,
                     Object data, long streamId, long streamIndex) {

    /** Largest value of a uint32 id, stream id or stream index. */
    public static final long MAX_UINT32 = 0xFFFF_FFFFL;

    static final int TYPE_MASK = 0x0F;
    static final int EOS = 0x10;
    static final int LIVE = 0x20;
    static final int IMPULSE = 0x40;
    static final int ERROR = 0x80;

    public Packet {
        checkUint32(id, "id");
        checkUint32(streamId, "streamId");
        checkUint32(streamIndex, "streamIndex");
        if (type == null) throw new IllegalArgumentException("type must not be null");
        if (type != PacketType.STREAM && (streamId != 0 || streamIndex != 0)) {
            throw new IllegalArgumentException("only STREAM packets carry a stream id and index");
        }
    }

    private static void checkUint32(long v, String what) {
        if (v < 0 || v > MAX_UINT32) throw new IllegalArgumentException(what + " is not a uint32: " + v);
    }

    /** A request (IMPULSE set). */
    public static Packet request(long id, PacketType type, Object data) {
        return new Packet(id, type, true, false, false, false, data, 0, 0);
    }

    /** One stream chunk (a request with a new packet id); {@code eos} marks the end, with data null. */
    public static Packet streamChunk(long id, long streamId, long streamIndex, Object data, boolean eos, boolean live) {
        return new Packet(id, PacketType.STREAM, true, false, eos, live, data, streamId, streamIndex);
    }

    /** The response to this request: same id and type, IMPULSE cleared. */
    public Packet reply(Object data) {
        return new Packet(id, type, false, false, false, false, data, 0, 0);
    }

    /** The error response to this request: same id and type, IMPULSE cleared, ERROR set. */
    public Packet replyError(NetronException error) {
        return new Packet(id, type, false, true, false, false, error, 0, 0);
    }

    /** The flags byte. */
    public int flags() {
        return type.code() | (eos ? EOS : 0) | (live ? LIVE : 0) | (impulse ? IMPULSE : 0) | (error ? ERROR : 0);
    }

    /** A packet from its wire flags (the type must be 0-7). */
    static Packet fromFlags(long id, int flags, Object data, long streamId, long streamIndex) {
        return new Packet(id, PacketType.of(flags & TYPE_MASK), (flags & IMPULSE) != 0, (flags & ERROR) != 0,
                (flags & EOS) != 0, (flags & LIVE) != 0, data, streamId, streamIndex);
    }
}
