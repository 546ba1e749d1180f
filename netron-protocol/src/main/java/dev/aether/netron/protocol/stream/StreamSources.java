package dev.aether.netron.protocol.stream;

import java.util.Iterator;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * What a method may return as a stream: a {@link Flow.Publisher}, a {@link Stream} or an
 * {@link Iterator}. The last two are pulled lazily, one item per requested item, on a virtual
 * thread (so a blocking {@code next()} is fine). A {@code Stream}, and an {@code Iterator} that is
 * also {@link AutoCloseable}, is closed when it ends, fails or is cancelled: a cancelled source
 * whose {@code next()} was not running when the receiver left is never called again, so its
 * close is the one place where it learns that nobody reads it any more.
 *
 * <pre>{@code
 * if (StreamSources.isStream(result)) {
 *     Flow.Publisher<?> source = StreamSources.publisherOf(result);
 * }
 * }</pre>
 */
public final class StreamSources {
    private StreamSources() {
    }

    /** Whether {@code value} is something we send as a stream. */
    public static boolean isStream(Object value) {
        return value instanceof Flow.Publisher<?> || value instanceof Stream<?> || value instanceof Iterator<?>;
    }

    /** Whether the stream is live (no inactivity timeout on the receiver): publishers are, pulled sources are not. */
    public static boolean isLive(Object value) {
        return value instanceof Flow.Publisher<?>;
    }

    /** {@code value} as a publisher; {@link IllegalArgumentException} when {@link #isStream} is false. */
    public static Flow.Publisher<?> publisherOf(Object value) {
        return switch (value) {
            case Flow.Publisher<?> p -> p;
            case Stream<?> s -> new Pulled(s.iterator(), s::close);
            case Iterator<?> i when i instanceof AutoCloseable closeable -> new Pulled(i, () -> closeUnchecked(closeable));
            case Iterator<?> i -> new Pulled(i, () -> { });
            default -> throw new IllegalArgumentException("not a stream: " + value);
        };
    }

    private static void closeUnchecked(AutoCloseable source) {
        try {
            source.close();
        } catch (Exception e) {
            throw new IllegalStateException(e); // swallowed by Pulled.close, like a failing Stream.close
        }
    }

    /** An iterator as a publisher for one subscriber, pulled only as far as requested. */
    private static final class Pulled implements Flow.Publisher<Object> {
        private final Iterator<?> items;
        private final Runnable onClose;
        private final AtomicBoolean subscribed = new AtomicBoolean();

        Pulled(Iterator<?> items, Runnable onClose) {
            this.items = items;
            this.onClose = onClose;
        }

        @Override
        public void subscribe(Flow.Subscriber<? super Object> subscriber) {
            if (!subscribed.compareAndSet(false, true)) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    public void request(long n) { }

                    public void cancel() { }
                });
                subscriber.onError(new IllegalStateException("an iterator can be streamed once"));
                return;
            }
            subscriber.onSubscribe(new Pull(subscriber));
        }

        private final class Pull implements Flow.Subscription {
            private final Flow.Subscriber<? super Object> subscriber;
            private long demand;
            private boolean running;
            private boolean ended;
            private Thread puller;

            Pull(Flow.Subscriber<? super Object> subscriber) {
                this.subscriber = subscriber;
            }

            @Override
            public void request(long n) {
                synchronized (this) {
                    if (ended) return;
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                    if (running) return;
                    running = true;
                }
                Thread.ofVirtual().name("netron-stream-pull").start(this::pull);
            }

            @Override
            public void cancel() {
                Thread t;
                synchronized (this) {
                    if (ended) return;
                    ended = true;
                    t = puller;
                }
                if (t != null) t.interrupt(); // a next() blocked on a source that no one reads any more
                close();
            }

            private void pull() {
                synchronized (this) {
                    puller = Thread.currentThread();
                }
                try {
                    while (true) {
                        synchronized (this) {
                            if (ended || demand == 0) {
                                running = false;
                                puller = null;
                                return;
                            }
                            demand--;
                        }
                        Object item;
                        boolean more;
                        try {
                            more = items.hasNext();
                            item = more ? items.next() : null;
                        } catch (RuntimeException e) {
                            if (end()) {
                                close();
                                subscriber.onError(e);
                            }
                            return;
                        }
                        if (!more) {
                            if (end()) {
                                close();
                                subscriber.onComplete();
                            }
                            return;
                        }
                        subscriber.onNext(item);
                    }
                } finally {
                    Thread.interrupted(); // an interrupt meant for a blocked next() stays here
                }
            }

            private synchronized boolean end() {
                running = false;
                puller = null;
                if (ended) return false;
                ended = true;
                return true;
            }

            private void close() {
                try {
                    onClose.run();
                } catch (RuntimeException ignored) {
                    // a failing close of a finished source changes nothing for the receiver
                }
            }
        }
    }
}
