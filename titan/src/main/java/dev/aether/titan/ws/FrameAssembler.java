package dev.aether.titan.ws;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Joins the fragments of one binary WebSocket message into a packet frame, without ever
 * holding more than the packet limit: past the limit only the first bytes (the packet id and
 * flags, needed for the 413 reply) are kept and the rest is counted and dropped.
 *
 * <pre>{@code
 * FrameAssembler frames = new FrameAssembler(16 * 1024 * 1024);
 * FrameAssembler.Message m = frames.append(fragment, last);   // null until the last fragment
 * }</pre>
 */
final class FrameAssembler {
    /** Bytes kept of an oversized message: uint32 id and the flags byte. */
    static final int HEAD = 5;

    private final int max;
    private byte[] buffer = new byte[256];
    private int length;
    private long received;

    FrameAssembler(int max) {
        this.max = max;
    }

    /** A complete binary message. */
    sealed interface Message {
    }

    /** The whole frame, at most the limit. */
    record Complete(byte[] frame) implements Message {
    }

    /** A frame over the limit: its first bytes and its full size. */
    record TooLarge(byte[] head, long size) implements Message {
    }

    /** Adds a fragment; returns the message when {@code last}, else null. */
    Message append(ByteBuffer fragment, boolean last) {
        int n = fragment.remaining();
        received += n;
        if (received > max) {
            if (buffer.length != HEAD) {
                length = Math.min(length, HEAD);
                buffer = Arrays.copyOf(buffer, HEAD); // let the large buffer go as soon as we know
            }
            int take = Math.min(HEAD - length, n);
            fragment.get(buffer, length, take);
            length += take;
        } else {
            ensure(length + n);
            fragment.get(buffer, length, n);
            length += n;
        }
        if (!last) {
            return null;
        }
        Message message = received > max ? new TooLarge(Arrays.copyOf(buffer, length), received)
                : new Complete(Arrays.copyOf(buffer, length));
        reset();
        return message;
    }

    private void ensure(int capacity) {
        if (capacity > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(capacity, (int) Math.min(max, buffer.length * 2L)));
        }
    }

    private void reset() {
        if (buffer.length > 64 * 1024 || buffer.length == HEAD) {
            buffer = new byte[256]; // an idle connection should not keep a large message's buffer
        }
        length = 0;
        received = 0;
    }
}
