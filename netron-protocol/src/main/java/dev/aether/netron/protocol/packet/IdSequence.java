package dev.aether.netron.protocol.packet;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A uint32 id counter: 1, 2, ..., 4294967295, then 1 again (never 0). The reference uses one
 * process-wide counter for packet ids ({@link #PACKETS}) and a separate one for writable stream ids.
 *
 * <pre>{@code
 * long id = IdSequence.PACKETS.next();
 * IdSequence streams = new IdSequence();
 * }</pre>
 */
public final class IdSequence {

    /** The process-wide packet id counter. */
    public static final IdSequence PACKETS = new IdSequence();

    private final AtomicLong last;

    /** A counter whose first id is 1. */
    public IdSequence() {
        this(0);
    }

    /** A counter that continues after {@code last} (for tests of the wrap-around). */
    public IdSequence(long last) {
        if (last < 0 || last > Packet.MAX_UINT32) throw new IllegalArgumentException("not a uint32: " + last);
        this.last = new AtomicLong(last);
    }

    /** The next id; thread-safe and lock-free. */
    public long next() {
        return last.updateAndGet(v -> v >= Packet.MAX_UINT32 ? 1 : v + 1);
    }
}
