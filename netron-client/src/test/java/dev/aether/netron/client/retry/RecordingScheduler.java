package dev.aether.netron.client.retry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A scheduler that notes each wait it is asked for and runs the task at once, so backoff is tested without waiting. */
final class RecordingScheduler extends ScheduledThreadPoolExecutor {
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    RecordingScheduler() {
        super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        waits.add(Duration.ofNanos(unit.toNanos(delay)));
        return super.schedule(command, 0, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        waits.add(Duration.ofNanos(unit.toNanos(delay)));
        return super.schedule(callable, 0, unit);
    }

    List<Duration> waits() {
        return waits;
    }
}
