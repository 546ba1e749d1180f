package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bytes that cannot be encoded (500) or decoded (400), or a packet over the size limit (413).
 * This is the <em>only</em> exception the decoders of this module throw for bad input:
 * malformed or truncated frames, trailing bytes, unknown packet or extension types, oversized
 * packets. Wire name {@code SerializationError}.
 *
 * <pre>{@code
 * try { Packet p = PacketCodec.decode(frame); }
 * catch (SerializationException e) { log.warn("dropping frame: {} ({})", e.getMessage(), e.code()); }
 * }</pre>
 */
public final class SerializationException extends NetronException {

    /** The wire name. */
    public static final String NAME = "SerializationError";

    private static final long serialVersionUID = 1L;

    SerializationException(ErrorData data) {
        super(data);
    }

    /** A serialization error with an explicit code and an optional cause. */
    public SerializationException(int code, String message, Throwable cause) {
        super(NAME, code, message, Map.of(), cause, null);
    }

    private SerializationException(int code, String message, Map<String, ?> details) {
        super(NAME, code, message, details, null, null);
    }

    /** 400: the input is not a valid Netron value or packet. */
    public static SerializationException decode(String message) {
        return new SerializationException(400, message, (Throwable) null);
    }

    /** 400 with the underlying parser failure as the cause. */
    public static SerializationException decode(String message, Throwable cause) {
        return new SerializationException(400, message, cause);
    }

    /** 500: the value cannot be written (unsupported type, cycle, ...). */
    public static SerializationException encode(String message) {
        return new SerializationException(500, message, (Throwable) null);
    }

    /** 413: the packet is larger than the limit; details {@code {received, max}} as in the reference. */
    public static SerializationException tooLarge(long received, long max) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("received", received);
        details.put("max", max);
        return new SerializationException(413, "Packet too large: " + received + " bytes, max " + max, details);
    }
}
