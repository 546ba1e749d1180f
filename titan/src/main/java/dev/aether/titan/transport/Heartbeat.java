package dev.aether.titan.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keep-alive for one WebSocket connection: a ping every interval. With a pong timeout (Netron's
 * WebSocket), a connection whose pong does not come back in time is dropped, so its pending
 * calls are released instead of waiting on a dead TCP connection. Without one (the live
 * channel, whose browsers answer pings themselves), the pings only keep proxies from closing a
 * quiet connection. Runs on a shared timer: no thread per connection.
 *
 * <pre>{@code
 * Heartbeat beat = new Heartbeat(session, Heartbeat.Timer.of(server.getScheduler()), Duration.ofSeconds(30), Duration.ofSeconds(5));
 * beat.start();   // a pong arrives -> beat.pong();  the connection closes -> beat.stop();
 * }</pre>
 */
public final class Heartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    /** Where the heartbeat schedules its next step: Jetty's scheduler or an executor the caller owns. */
    @FunctionalInterface
    public interface Timer {
        /** Runs {@code task} after {@code delay}; the returned action cancels it. */
        Runnable schedule(Runnable task, Duration delay);

        static Timer of(Scheduler scheduler) {
            return (task, delay) -> scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS)::cancel;
        }

        /** May throw {@link java.util.concurrent.RejectedExecutionException} once the executor is shut down. */
        static Timer of(ScheduledExecutorService executor) {
            return (task, delay) -> {
                var future = executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            };
        }
    }

    private final CoreSession session;
    private final Timer timer;
    private final Duration interval;
    private final Duration timeout;   // null: never drop the connection
    private volatile boolean awaitingPong;
    private volatile boolean stopped;
    private volatile Runnable cancelNext;

    /** Pings every {@code interval}; drops the connection when a pong takes longer than {@code timeout}. */
    public Heartbeat(CoreSession session, Timer timer, Duration interval, Duration timeout) {
        this.session = session;
        this.timer = timer;
        this.interval = interval;
        this.timeout = timeout;
    }

    /** Pings every {@code interval} and never drops the connection. */
    public static Heartbeat keepAlive(CoreSession session, Timer timer, Duration interval) {
        return new Heartbeat(session, timer, interval, null);
    }

    public void start() {
        schedule(this::ping, interval);
    }

    /**
     * The peer proved it is alive: a pong arrived (any pong counts: browsers may also send
     * unsolicited ones) or any other frame did.
     */
    public void pong() {
        awaitingPong = false;
    }

    public void stop() {
        stopped = true;
        Runnable cancel = cancelNext;
        if (cancel != null) {
            cancel.run();
        }
    }

    private void ping() {
        if (stopped) {
            return;
        }
        if (timeout == null) {
            sendPing();
            schedule(this::ping, interval);
            return;
        }
        awaitingPong = true;   // before the ping: its pong may arrive before sendPing returns
        sendPing();
        schedule(this::check, timeout);
    }

    private void check() {
        if (stopped) {
            return;
        }
        if (awaitingPong) {
            LOG.info("no pong from {} within {} ms: dropping the connection", session.getRemoteAddress(), timeout.toMillis());
            session.abort();
            return;
        }
        schedule(this::ping, interval);
    }

    private void sendPing() {
        session.sendFrame(new Frame(OpCode.PING).setPayload(ByteBuffer.allocate(0)), Callback.NOOP, false);
    }

    private void schedule(Runnable task, Duration delay) {
        if (!stopped) {
            cancelNext = timer.schedule(task, delay);
        }
    }
}
