package dev.aether.netron.protocol.packet;

import dev.aether.netron.protocol.error.SerializationException;

/**
 * The operation of a packet: bits 0-3 of the flags byte.
 *
 * <pre>{@code
 * PacketType.of(3)   // CALL
 * }</pre>
 */
public enum PacketType {
    /** Liveness check; the data is echoed. */
    PING,
    /** Read a property: {@code [target, prop]}. */
    GET,
    /** Write a property: {@code [target, prop, value]}. */
    SET,
    /** Call a method: {@code [target, method, ...args]}. */
    CALL,
    /** Run a core task: {@code [taskName, ...args]}. */
    TASK,
    /** One chunk of a stream; the only type with the streamId/streamIndex trailer. */
    STREAM,
    /** A stream failed: {@code {streamId, message}}. */
    STREAM_ERROR,
    /** A stream was destroyed: {@code {streamId, reason}}. */
    STREAM_CLOSE;

    private static final PacketType[] BY_CODE = values();

    /** The wire code, 0-7. */
    public int code() {
        return ordinal();
    }

    /**
     * The type for a wire code. Codes 8-15 are refused with a {@link SerializationException}
     * (400), as netron-browser does; the titan decoder lets them through undefined, which only
     * defers the failure.
     */
    public static PacketType of(int code) {
        if (code < 0 || code >= BY_CODE.length) {
            throw SerializationException.decode("Invalid packet type: 0x" + Integer.toHexString(code) + ". Expected 0x00-0x07");
        }
        return BY_CODE[code];
    }
}
