package dev.aether.netron.client.fluent;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A result fetched into the cache on an interval until {@link #cancel()}led (the reference's
 * {@code background(ms)}). Made by {@link FluentMethod#background(Duration)}.
 *
 * <pre>{@code
 * try (BackgroundRefresh prices = client.fluent(Prices.class).cache(Duration.ofMinutes(1))
 *         .calling(Prices::today).background(Duration.ofSeconds(30))) {
 *     ... // client.fluent(Prices.class).cache(Duration.ofMinutes(1)).call(Prices::today) is a cache hit
 * }
 * }</pre>
 */
public final class BackgroundRefresh implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicReference<Throwable> lastError = new AtomicReference<>();
    private final Supplier<CompletableFuture<Object>> fetch;
    private final Consumer<Object> store;
    private volatile ScheduledFuture<?> schedule;

    private BackgroundRefresh(Supplier<CompletableFuture<Object>> fetch, Consumer<Object> store) {
        this.fetch = fetch;
        this.store = store;
    }

    static BackgroundRefresh start(ScheduledExecutorService scheduler, Duration every, Supplier<CompletableFuture<Object>> fetch,
                                   Consumer<Object> store) {
        Objects.requireNonNull(every, "every");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the refresh interval must be positive, got " + every);
        }
        BackgroundRefresh refresh = new BackgroundRefresh(fetch, store);
        refresh.schedule = scheduler.scheduleWithFixedDelay(refresh::refreshOnce, 0, every.toNanos(), TimeUnit.NANOSECONDS);
        return refresh;
    }

    private void refreshOnce() {
        if (cancelled.get() || !running.compareAndSet(false, true)) {
            return; // the last refresh is still waiting for its answer
        }
        CompletableFuture<Object> answer;
        try {
            answer = fetch.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((value, error) -> {
            if (error == null && !isCancelled()) {
                store.accept(value);
                refreshes.incrementAndGet();
                lastError.set(null);
            } else if (error != null) {
                lastError.set(error);
            }
            running.set(false);
        });
    }

    /** Stops refreshing; a refresh already sent still lands in the cache only if it completes before this. */
    public void cancel() {
        cancelled.set(true);
        schedule.cancel(false);
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /** How many refreshes stored a result so far. */
    public long refreshes() {
        return refreshes.get();
    }

    /** The error of the last refresh if it failed, else null. */
    public Throwable lastError() {
        return lastError.get();
    }

    /** Same as {@link #cancel()}. */
    @Override
    public void close() {
        cancel();
    }
}
