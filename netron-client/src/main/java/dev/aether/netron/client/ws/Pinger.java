package dev.aether.netron.client.ws;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one connection's {@link KeepAlive}: sends a WebSocket ping each interval and, when nothing
 * was heard since a ping once its timeout has passed, reports the connection dead. Anything
 * received counts as an answer, so a pong queued behind a long stream never condemns a live server.
 *
 * <pre>{@code
 * Pinger pinger = Pinger.start(keepAlive, socket, () -> onLost(1006, "no pong"));
 * pinger.heard();   // on every frame received
 * pinger.stop();    // when the connection ends
 * }</pre>
 */
final class Pinger {
    /** Only schedules; the work it triggers (a ping, a loss) is short and hands off to other threads. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "netron-ws-keepalive");
        t.setDaemon(true);
        return t;
    });
    private static final ByteBuffer PAYLOAD = ByteBuffer.wrap(new byte[] {'n', 'e', 't', 'r', 'o', 'n'}).asReadOnlyBuffer();

    private final KeepAlive keepAlive;
    private final WebSocket socket;
    private final Runnable dead;
    private final AtomicLong lastHeard = new AtomicLong(System.nanoTime());
    private final AtomicLong pongs = new AtomicLong();
    private volatile ScheduledFuture<?> pinging;

    private Pinger(KeepAlive keepAlive, WebSocket socket, Runnable dead) {
        this.keepAlive = keepAlive;
        this.socket = socket;
        this.dead = dead;
    }

    /** Starts pinging {@code socket}; {@code dead} runs at most once, when an answer is overdue. */
    static Pinger start(KeepAlive keepAlive, WebSocket socket, Runnable dead) {
        Pinger pinger = new Pinger(keepAlive, socket, dead);
        if (keepAlive.enabled()) {
            long every = keepAlive.interval().toNanos();
            pinger.pinging = TIMER.scheduleAtFixedRate(pinger::ping, every, every, TimeUnit.NANOSECONDS);
        }
        return pinger;
    }

    /** Something came from the server: it is alive. */
    void heard() {
        lastHeard.set(System.nanoTime());
    }

    /** A pong came back (counted: tests and metrics read it). */
    void pong() {
        pongs.incrementAndGet();
        heard();
    }

    long pongs() {
        return pongs.get();
    }

    void stop() {
        ScheduledFuture<?> p = pinging;
        if (p != null) {
            p.cancel(false);
        }
    }

    private void ping() {
        long sentAt = System.nanoTime();
        socket.sendPing(PAYLOAD.duplicate());   // a failed send needs no handling: the missing answer below decides
        TIMER.schedule(() -> {
            if (lastHeard.get() - sentAt < 0 && pinging != null && !pinging.isCancelled()) {
                stop();
                Thread.ofVirtual().name("netron-ws-lost").start(dead);   // failing calls must not hold up the timer
            }
        }, keepAlive.timeout().toNanos(), TimeUnit.NANOSECONDS);
    }
}
