package dev.aether.titan.ws;

import dev.aether.titan.inbound.MessageAllowance;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Joins the fragments of one binary WebSocket message into a packet frame, without ever
 * holding more than the packet limit: past the limit only the first bytes (the packet id and
 * flags, needed for the 413 reply) are kept and the rest is counted and dropped. Every byte the
 * buffer grows by is first reserved from the server's {@link MessageAllowance budget}; when the
 * budget has no room the message is {@link Refused} and the socket closes the connection.
 *
 * <pre>{@code
 * FrameAssembler frames = new FrameAssembler(4 * 1024 * 1024, allowance);
 * FrameAssembler.Message m = frames.append(fragment, last);   // null until the last fragment
 * }</pre>
 */
final class FrameAssembler {
    /** Bytes kept of an oversized message: uint32 id and the flags byte. */
    static final int HEAD = 5;
    private static final int IDLE_CAPACITY = 256;
    /**
     * A buffer up to this size is kept for the next message instead of being reallocated; what is
     * kept is not counted against the budget (a bounded cost per connection, like Jetty's own buffers).
     */
    private static final int KEPT_CAPACITY = 64 * 1024;

    private final int max;
    private final MessageAllowance allowance;
    private byte[] buffer = new byte[IDLE_CAPACITY];
    private int length;
    private long received;

    FrameAssembler(int max, MessageAllowance allowance) {
        this.max = max;
        this.allowance = allowance;
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

    /** The server's budget for unfinished messages has no room for this one: the connection must close (1013). */
    record Refused(long received) implements Message {
    }

    /** Adds a fragment; returns the message when {@code last} (or when it is refused), else null. */
    Message append(ByteBuffer fragment, boolean last) {
        int n = fragment.remaining();
        received += n;
        if (received > max) {
            if (buffer.length != HEAD) {
                length = Math.min(length, HEAD);
                buffer = Arrays.copyOf(buffer, HEAD); // let the large buffer go as soon as we know
                allowance.finished();                 // and its bytes: only the count goes on
                if (!last) {
                    allowance.unfinished();           // the rest must still arrive in time
                }
            }
            int take = Math.min(HEAD - length, n);
            fragment.get(buffer, length, take);
            length += take;
        } else {
            if (!ensure(length + n)) {
                long refused = received;
                reset();
                return new Refused(refused);
            }
            fragment.get(buffer, length, n);
            length += n;
        }
        if (!last) {
            allowance.unfinished();
            return null;
        }
        Message message = received > max ? new TooLarge(Arrays.copyOf(buffer, length), received)
                : new Complete(Arrays.copyOf(buffer, length));
        reset();
        return message;
    }

    /** Gives back what the connection holds; called when it closes. */
    void release() {
        reset();
        allowance.close();
    }

    private boolean ensure(int capacity) {
        if (capacity <= buffer.length) {
            return true;
        }
        int grown = Math.max(capacity, (int) Math.min(max, buffer.length * 2L));
        if (!allowance.reserve(grown - buffer.length)) {
            return false;
        }
        buffer = Arrays.copyOf(buffer, grown);
        return true;
    }

    private void reset() {
        if (buffer.length > KEPT_CAPACITY || buffer.length == HEAD) {
            buffer = new byte[IDLE_CAPACITY]; // an idle connection should not keep a large message's buffer
        }
        length = 0;
        received = 0;
        allowance.finished();
    }
}
