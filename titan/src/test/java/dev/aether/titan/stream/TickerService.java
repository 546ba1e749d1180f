package dev.aether.titan.stream;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/** Streams of every kind a method may return or take, counting what their sources produced. */
@Service("ticker@1.0.0")
public final class TickerService {
    /** Items the sources have produced (pulled or published) so far. */
    public final AtomicLong produced = new AtomicLong();
    /** Counted down when the endless source is closed or cancelled. */
    public volatile CountDownLatch endlessClosed = new CountDownLatch(1);

    @Public
    public Iterator<Tick> counted(int n) {
        return new Iterator<>() {
            long next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public Tick next() {
                if (!hasNext()) throw new NoSuchElementException();
                produced.incrementAndGet();
                return new Tick(next++, "ACME");
            }
        };
    }

    @Public
    public Stream<Tick> ranged(int n) {
        return LongStream.range(0, n).peek(i -> produced.incrementAndGet()).mapToObj(i -> new Tick(i, "ACME"));
    }

    @Public
    public Flow.Publisher<Tick> published(int n) {
        return new CountingPublisher(n, produced, () -> { });
    }

    @Public
    public Iterator<Tick> failing(int after) {
        return LongStream.range(0, Long.MAX_VALUE).mapToObj(i -> {
            if (i == after) throw new IllegalArgumentException("boom at " + i);
            return new Tick(i, "ACME");
        }).iterator();
    }

    @Public
    public Flow.Publisher<Tick> endless() {
        CountDownLatch closed = endlessClosed;
        return new CountingPublisher(Long.MAX_VALUE, produced, closed::countDown);
    }

    @Public
    public CompletableFuture<Long> sum(Flow.Publisher<Tick> ticks) {
        CompletableFuture<Long> total = new CompletableFuture<>();
        ticks.subscribe(new Flow.Subscriber<>() {
            long sum;

            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Tick item) {
                sum += item.seq();
            }

            @Override
            public void onError(Throwable t) {
                total.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                total.complete(sum);
            }
        });
        return total;
    }

    /** How the last {@link #drain} stream ended on the server: its error, or null for a completion. */
    public final CompletableFuture<Throwable> drainEnded = new CompletableFuture<>();
    /** Items {@link #drain} received. */
    public final AtomicLong drained = new AtomicLong();

    /** Reads the client's stream to its end, noting how it ended in {@link #drainEnded}; answers only then. */
    @Public
    public CompletableFuture<Long> drain(Flow.Publisher<Tick> ticks) {
        CompletableFuture<Long> total = new CompletableFuture<>();
        ticks.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Tick item) {
                drained.incrementAndGet();
            }

            @Override
            public void onError(Throwable t) {
                drainEnded.complete(t);
                total.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                drainEnded.complete(null);
                total.complete(drained.get());
            }
        });
        return total;
    }

    /** Subscribes to the client's stream and never asks for an item: a consumer that does not keep up. */
    @Public
    public boolean ignore(Flow.Publisher<Tick> ticks) {
        ticks.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
            }

            @Override
            public void onNext(Tick item) {
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        });
        return true;
    }

    /** Emits 0..n-1 strictly on demand, on the requesting thread. */
    public static final class CountingPublisher implements Flow.Publisher<Tick> {
        private final long n;
        private final AtomicLong produced;
        private final Runnable onCancel;

        public CountingPublisher(long n, AtomicLong produced, Runnable onCancel) {
            this.n = n;
            this.produced = produced;
            this.onCancel = onCancel;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Tick> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                private long next;
                private long demand;
                private boolean emitting;
                private volatile boolean cancelled;

                @Override
                public void request(long k) {
                    synchronized (this) {
                        demand = demand + k < 0 ? Long.MAX_VALUE : demand + k;
                        if (emitting) return; // the loop below picks the new demand up
                        emitting = true;
                    }
                    while (true) {
                        synchronized (this) {
                            if (cancelled || demand == 0 || next >= n) {
                                emitting = false;
                                break;
                            }
                            demand--;
                        }
                        produced.incrementAndGet();
                        subscriber.onNext(new Tick(next++, "ACME"));
                    }
                    if (next >= n && !cancelled) {
                        cancelled = true;
                        subscriber.onComplete();
                    }
                }

                @Override
                public void cancel() {
                    cancelled = true;
                    onCancel.run();
                }
            });
        }
    }
}
