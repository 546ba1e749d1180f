package dev.aether.titan.transport;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keep-alive for one connection: a WebSocket ping every interval; a connection whose pong does
 * not come back within the timeout is dropped, so its pending calls are released instead of
 * waiting on a dead TCP connection. Runs on Jetty's scheduler: no thread per connection.
 *
 * <pre>{@code
 * Heartbeat beat = new Heartbeat(session, server.getScheduler(), Duration.ofSeconds(30), Duration.ofSeconds(5));
 * beat.start();   // onWebSocketPong -> beat.pong();  onWebSocketClose -> beat.stop();
 * }</pre>
 */
public final class Heartbeat {
    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final Session session;
    private final Scheduler scheduler;
    private final Duration interval;
    private final Duration timeout;
    private volatile boolean awaitingPong;
    private volatile boolean stopped;
    private volatile Scheduler.Task next;

    public Heartbeat(Session session, Scheduler scheduler, Duration interval, Duration timeout) {
        this.session = session;
        this.scheduler = scheduler;
        this.interval = interval;
        this.timeout = timeout;
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
        Scheduler.Task task = next;
        if (task != null) {
            task.cancel();
        }
    }

    private void ping() {
        if (stopped) {
            return;
        }
        awaitingPong = true;
        session.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        schedule(this::check, timeout);
    }

    private void check() {
        if (stopped) {
            return;
        }
        if (awaitingPong) {
            LOG.info("no pong from {} within {} ms: dropping the connection", session.getRemoteSocketAddress(), timeout.toMillis());
            session.disconnect();
            return;
        }
        schedule(this::ping, interval);
    }

    private void schedule(Runnable task, Duration delay) {
        if (!stopped) {
            next = scheduler.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
