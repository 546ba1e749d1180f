package dev.aether.titan.inbound;

import dev.aether.titan.Limits;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * The bytes every WebSocket connection of one server together may hold in inbound messages that
 * are not finished yet: the Netron WebSocket and aether-web's live channel draw on the same
 * budget. Without it, a peer that starts a fragmented message and never finishes it holds its
 * fragments for as long as it stays connected, and a few hundred such peers exhaust the heap.
 *
 * <p>One budget per Jetty server, kept as a server bean: Titan installs it with its
 * {@link Limits}; {@link #of(Server)} finds it (or installs the default on a bare server).
 *
 * <pre>{@code
 * InboundBudget budget = InboundBudget.of(server);
 * MessageAllowance allowance = budget.open(() -> session.close(1008, "Message not finished in time", NOOP));
 * if (!allowance.reserve(fragment.remaining())) session.close(CloseStatus.TRY_AGAIN_LATER, "Server busy", NOOP);
 * }</pre>
 */
public final class InboundBudget {
    private final long maxBytes;
    private final Duration messageTimeout;
    private final Scheduler scheduler;
    private final AtomicLong used = new AtomicLong();

    /**
     * @param maxBytes       bytes all connections together may hold in unfinished messages
     * @param messageTimeout how long a peer may take to finish a message it has started
     * @param scheduler      runs the message timers (the server's)
     */
    public InboundBudget(long maxBytes, Duration messageTimeout, Scheduler scheduler) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.messageTimeout = Objects.requireNonNull(messageTimeout, "messageTimeout");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The budget of {@code server}: the one Titan installed, else a default one installed now. */
    public static InboundBudget of(Server server) {
        synchronized (server) {
            InboundBudget budget = server.getBean(InboundBudget.class);
            if (budget == null) {
                Limits defaults = Limits.defaults();
                budget = new InboundBudget(defaults.maxUnfinishedMessageBytes(), defaults.messageTimeout(), server.getScheduler());
                server.addBean(budget);
            }
            return budget;
        }
    }

    /** The allowance of one connection; {@code onExpired} closes it when a message is not finished in time. */
    public MessageAllowance open(Runnable onExpired) {
        return new MessageAllowance(this, onExpired);
    }

    /** Bytes held now in unfinished messages, over all connections. */
    public long used() {
        return used.get();
    }

    public long maxBytes() {
        return maxBytes;
    }

    Duration messageTimeout() {
        return messageTimeout;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    boolean tryReserve(long bytes) {
        long now;
        do {
            now = used.get();
            if (now + bytes > maxBytes) {
                return false;
            }
        } while (!used.compareAndSet(now, now + bytes));
        return true;
    }

    void release(long bytes) {
        used.addAndGet(-bytes);
    }
}
