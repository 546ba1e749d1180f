package dev.aether.netron.protocol.stream;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The one timer thread behind every stream's inactivity check; checks are short and rare. */
final class StreamTimers {
    private static final ScheduledThreadPoolExecutor TIMER = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread t = new Thread(runnable, "netron-stream-timer");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMER.setRemoveOnCancelPolicy(true); // cancelled checks of ended streams must not pile up
    }

    private StreamTimers() {
    }

    static ScheduledFuture<?> schedule(Runnable check, long delay, TimeUnit unit) {
        return TIMER.schedule(check, delay, unit);
    }
}
