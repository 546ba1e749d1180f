package dev.aether.titan.log;

import dev.aether.netron.protocol.log.LogText;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs refusals of a peer's bad input (a malformed frame, an event for no handler, a failed CSRF
 * check) at INFO, at most {@code perMinute} lines of each kind per minute: a peer that sends the
 * same bad message a thousand times a second must not fill the disk. Past the limit, lines of
 * that kind are counted instead; the first line of that kind after the minute says how many
 * were left out. Peer text in the arguments still goes through {@link LogText}.
 *
 * <pre>{@code
 * private static final ClientErrorLog REFUSALS = new ClientErrorLog(LOG);
 * REFUSALS.info("unknown handler", "no {} handler on element {}", LogText.of(type), LogText.of(id));
 * }</pre>
 */
public final class ClientErrorLog {
    /** Lines of one kind written per minute by default. */
    public static final int DEFAULT_PER_MINUTE = 20;
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final Logger log;
    private final int perMinute;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();   // kinds are the caller's constants

    /** At most {@link #DEFAULT_PER_MINUTE} lines of each kind per minute, to {@code log}. */
    public ClientErrorLog(Logger log) {
        this(log, DEFAULT_PER_MINUTE, System::nanoTime);
    }

    /** At most {@code perMinute} lines of each kind per minute; {@code nanoTime} is the clock. */
    public ClientErrorLog(Logger log, int perMinute, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be at least 1, got " + perMinute);
        }
        this.log = log;
        this.perMinute = perMinute;
        this.nanoTime = nanoTime;
    }

    /** Logs {@code format} with {@code args} at INFO unless this minute's lines of {@code kind} are used up. */
    public void info(String kind, String format, Object... args) {
        if (!log.isInfoEnabled()) {
            return;
        }
        Window w = windows.computeIfAbsent(kind, k -> new Window(nanoTime.getAsLong()));
        long left;
        boolean write;
        boolean limitReached;
        synchronized (w) {
            long now = nanoTime.getAsLong();
            left = 0;
            if (now - w.start >= MINUTE_NANOS) {
                left = w.suppressed;
                w.start = now;
                w.written = 0;
                w.suppressed = 0;
            }
            write = w.written < perMinute;
            if (write) {
                w.written++;
            } else {
                w.suppressed++;
            }
            limitReached = write && w.written == perMinute;
        }
        if (left > 0) {
            log.info("{} more '{}' lines were left out in the last minute", left, kind);
        }
        if (write) {
            log.info(format, args);
            if (limitReached) {
                log.info("{} '{}' lines in a minute: more of them are counted, not written, until the minute is over", perMinute, kind);
            }
        }
    }

    private static final class Window {
        long start;
        int written;
        long suppressed;

        Window(long start) {
            this.start = start;
        }
    }
}
