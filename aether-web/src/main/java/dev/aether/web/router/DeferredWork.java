package dev.aether.web.router;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;

/**
 * The deferred values the loaders of one request started, so that they end with the page: when
 * the page's owner is disposed (its live session ends, or its server render is over), the ones
 * still running are cancelled.
 */
final class DeferredWork {
    private final Duration defaultDeadline;
    private final List<Deferred<?>> started = new ArrayList<>();
    private boolean cancelled;

    DeferredWork(Duration defaultDeadline) {
        this.defaultDeadline = defaultDeadline;
    }

    /** Starts {@code work} (see {@link Deferred}); one started after {@link #cancelAll} is cancelled at once. */
    <T> Deferred<T> start(String name, Duration deadline, Callable<? extends T> work) {
        Objects.requireNonNull(name, "name");
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("a deferred value's deadline must be positive, got " + deadline);
        }
        Deferred<T> deferred = Deferred.start(name, deadline, work);
        boolean late;
        synchronized (this) {   // loaders start deferred values on their own threads
            late = cancelled;
            if (!late) {
                started.add(deferred);
            }
        }
        if (late) {
            deferred.cancel();
        }
        return deferred;
    }

    <T> Deferred<T> start(String name, Callable<? extends T> work) {
        return start(name, defaultDeadline, work);
    }

    /** Cancels every deferred value still running. */
    void cancelAll() {
        List<Deferred<?>> all;
        synchronized (this) {
            cancelled = true;
            all = List.copyOf(started);
            started.clear();
        }
        all.forEach(Deferred::cancel);
    }
}
