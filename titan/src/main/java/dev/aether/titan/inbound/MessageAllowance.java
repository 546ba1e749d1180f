package dev.aether.titan.inbound;

import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * What one connection holds of its server's {@link InboundBudget}: the bytes of the message it is
 * receiving, and the timer that message must beat. The socket reserves before it buffers a
 * fragment and calls {@link #finished()} when the message is complete (or dropped), which gives
 * the bytes back; {@link #close()} does the same when the connection ends.
 *
 * <pre>{@code
 * if (!allowance.reserve(grownBy)) { close(CloseStatus.TRY_AGAIN_LATER, "Server busy"); return; }
 * if (!last) allowance.unfinished();     // starts the timer of this message
 * else allowance.finished();
 * }</pre>
 */
public final class MessageAllowance implements AutoCloseable {
    private final InboundBudget budget;
    private final Runnable onExpired;
    private long reserved;
    private Scheduler.Task timer;
    private boolean closed;

    MessageAllowance(InboundBudget budget, Runnable onExpired) {
        this.budget = budget;
        this.onExpired = onExpired;
    }

    /** Takes {@code bytes} more from the server's budget; false when it has not that much left (close with 1013). */
    public synchronized boolean reserve(long bytes) {
        if (closed || !budget.tryReserve(bytes)) {
            return false;
        }
        reserved += bytes;
        return true;
    }

    /** The current message continues in later fragments: from now it has the budget's message timeout to finish. */
    public synchronized void unfinished() {
        if (timer == null && !closed) {
            timer = budget.scheduler().schedule(onExpired, budget.messageTimeout().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The current message is complete or dropped: its bytes go back to the budget and its timer stops. */
    public synchronized void finished() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
        budget.release(reserved);
        reserved = 0;
    }

    /** Bytes this connection holds now. */
    public synchronized long reserved() {
        return reserved;
    }

    /** The connection ended: gives everything back; later reservations fail. */
    @Override
    public synchronized void close() {
        finished();
        closed = true;
    }
}
