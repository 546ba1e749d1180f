package dev.aether.state;

import dev.aether.reactive.Effect;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.aether.reactive.Reactive.batch;
import static dev.aether.reactive.Reactive.signal;

/**
 * A {@link LiveStream} on its owner's context. The method is picked in an effect, so the signals
 * the pick reads are the stream's arguments: a change closes the stream and opens the new one.
 * Each item is posted to the context and requested one at a time after it was applied, so a
 * slow session slows its own stream (real backpressure), never the others.
 */
final class OpenStream<S, T> implements LiveStream<T> {
    private final ReactiveContext context = ReactiveContext.current();
    private final StreamOptions options;
    private final ScheduledExecutorService scheduler;
    private final Signal<T> latest = signal(null, (a, b) -> a == b);
    private final Signal<List<T>> window = signal(List.of(), (a, b) -> a == b);
    private final Signal<StreamStatus> status = signal(StreamStatus.CONNECTING);
    private final Signal<Throwable> error = signal(null, (a, b) -> a == b);
    private final Effect tracker;
    private Flow.Publisher<T> publisher;
    private Flow.Subscription subscription;
    private ScheduledFuture<?> reconnect;
    /** Which subscription is current: signals from an older one (before a re-pick or a reconnect) are dropped. */
    private int generation;
    private int failures;
    private boolean closed;

    OpenStream(S service, Function<? super S, ? extends Flow.Publisher<T>> pick, StreamOptions options, ScheduledExecutorService scheduler) {
        this.options = options;
        this.scheduler = scheduler;
        this.tracker = Reactive.effect(() -> {
            Flow.Publisher<T> picked = pick.apply(service);   // cold: nothing is sent until subscribed
            Reactive.untrack(() -> {
                publisher = picked;
                failures = 0;
                window.set(List.of());
                connect();
                return null;
            });
            Reactive.onCleanup(this::stop);
        });
        Reactive.onCleanup(this::close);
    }

    private void connect() {
        int mine = ++generation;
        status.set(StreamStatus.CONNECTING);
        publisher.subscribe(new Flow.Subscriber<T>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                onContext(mine, () -> {
                    subscription = s;
                    status.set(StreamStatus.CONNECTED);
                    s.request(1);
                }, s::cancel);
            }

            @Override
            public void onNext(T item) {
                onContext(mine, () -> {
                    failures = 0;
                    append(item);
                    subscription.request(1);
                }, () -> { });
            }

            @Override
            public void onError(Throwable failure) {
                onContext(mine, () -> failed(unwrap(failure)), () -> { });
            }

            @Override
            public void onComplete() {
                onContext(mine, () -> status.set(StreamStatus.DISCONNECTED), () -> { });
            }
        });
    }

    private void append(T item) {
        List<T> now = window.peek();
        List<T> next = new ArrayList<>(Math.min(now.size() + 1, options.bufferSize()));
        next.addAll(now.size() >= options.bufferSize() ? now.subList(now.size() - options.bufferSize() + 1, now.size()) : now);
        next.add(item);
        batch(() -> {
            latest.set(item);
            window.set(Collections.unmodifiableList(next));
        });
    }

    private void failed(Throwable failure) {
        subscription = null;
        batch(() -> {
            error.set(failure);
            status.set(StreamStatus.ERROR);
        });
        if (!options.reconnect() || closed) {
            return;
        }
        int mine = generation;
        long nanos = options.delay(++failures).toNanos();
        reconnect = scheduler.schedule(() -> {
            try {
                context.post(() -> {
                    if (mine == generation && !closed) {
                        connect();
                    }
                });
            } catch (RejectedExecutionException contextClosed) {
                // the session is gone: nothing to reconnect for
            }
        }, nanos, TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on the context if subscription {@code mine} is still current; otherwise {@code stale}. */
    private void onContext(int mine, Runnable task, Runnable stale) {
        Runnable guarded = () -> {
            if (mine == generation && !closed) {
                task.run();
            } else {
                stale.run();
            }
        };
        if (context.isCurrent()) {
            guarded.run();
            return;
        }
        try {
            context.post(guarded);
        } catch (RejectedExecutionException contextClosed) {
            stale.run();
        }
    }

    /** Ends the current subscription (a re-pick, or closing). */
    private void stop() {
        generation++;
        if (subscription != null) {
            subscription.cancel();
            subscription = null;
        }
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
    }

    @Override
    public ReadSignal<T> latest() {
        return latest;
    }

    @Override
    public ReadSignal<List<T>> window() {
        return window;
    }

    @Override
    public ReadSignal<StreamStatus> status() {
        return status;
    }

    @Override
    public ReadSignal<Throwable> error() {
        return error;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        tracker.dispose();
        stop();
        status.set(StreamStatus.DISCONNECTED);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
