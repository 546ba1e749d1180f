package dev.aether.netron.protocol.definition;

/**
 * A stream handed across the wire (MessagePack ext 107): the stream id (a uint32, sent as a
 * decimal string), whether the sender writes or reads it, whether it is live, and the owning
 * peer's id. Chunks then arrive as STREAM packets carrying the same stream id.
 *
 * <pre>{@code
 * new StreamReference(7, StreamReference.Kind.WRITABLE, true, serverPeerId)
 * }</pre>
 */
public record StreamReference(long streamId, Kind kind, boolean live, String peerId) {

    public StreamReference {
        if (streamId < 0) throw new IllegalArgumentException("streamId must not be negative: " + streamId);
        if (kind == null) throw new IllegalArgumentException("kind must not be null");
    }

    /** Direction as seen by the peer that owns the stream; wire byte 1 = writable, 0 = readable. */
    public enum Kind {
        /** Wire byte 0. */
        READABLE,
        /** Wire byte 1. */
        WRITABLE
    }
}
