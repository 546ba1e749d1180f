package dev.aether.netron.client;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A unary call's result as a {@link Flow.Publisher}: for each subscriber, the call is made on its
 * first {@code request(n)}, then the one value is emitted (none for an absent result) and the
 * stream completes, or it fails with the call's error. {@code cancel()} before the answer cancels
 * that subscriber's call and nothing more is signalled; {@code request(n <= 0)} fails the
 * subscription with an IllegalArgumentException (Reactive Streams §3.9).
 *
 * <pre>{@code
 * @Service("users@1.0.0")
 * interface Users {
 *     Flow.Publisher<User> find(long id);   // one call per subscriber, when it requests
 * }
 * Mono<User> user = JdkFlowAdapter.flowPublisherToFlux(users.find(42)).next();   // Reactor, say
 * }</pre>
 *
 * @param <T> the value
 */
public final class UnaryPublisher<T> implements Flow.Publisher<T> {
    private final Supplier<CompletableFuture<Object>> call;
    private final Function<Object, T> toValue;

    /**
     * A publisher that makes {@code call} for each subscriber and emits {@code toValue} of its
     * answer (null: nothing emitted, only completion).
     */
    public UnaryPublisher(Supplier<CompletableFuture<Object>> call, Function<Object, T> toValue) {
        this.call = Objects.requireNonNull(call, "call");
        this.toValue = Objects.requireNonNull(toValue, "toValue");
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        subscriber.onSubscribe(new OneValue(subscriber));
    }

    /** One subscriber's subscription: at most one call, one value, one terminal signal. */
    private final class OneValue implements Flow.Subscription {
        private final Flow.Subscriber<? super T> subscriber;
        private final AtomicBoolean requested = new AtomicBoolean();
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile CompletableFuture<Object> answer;

        OneValue(Flow.Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                if (done.compareAndSet(false, true)) {
                    cancelCall();
                    subscriber.onError(new IllegalArgumentException("request(" + n + "): Reactive Streams §3.9 asks for a positive number"));
                }
                return;
            }
            if (done.get() || !requested.compareAndSet(false, true)) {
                return; // one value at most: later requests have nothing more to ask for
            }
            CompletableFuture<Object> started;
            try {
                started = call.get();
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            answer = started;
            if (done.get()) {
                cancelCall(); // cancelled while the call was being made
                return;
            }
            started.whenComplete(this::deliver);
        }

        private void deliver(Object value, Throwable error) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            T converted;
            try {
                if (error != null) {
                    throw error;
                }
                converted = toValue.apply(value);
            } catch (Throwable failure) {
                subscriber.onError(unwrap(failure));
                return;
            }
            if (converted != null) {
                subscriber.onNext(converted);
            }
            subscriber.onComplete();
        }

        @Override
        public void cancel() {
            if (done.compareAndSet(false, true)) {
                cancelCall();
            }
        }

        private void cancelCall() {
            CompletableFuture<Object> running = answer;
            if (running != null) {
                running.cancel(true);
            }
        }
    }

    private static Throwable unwrap(Throwable error) {
        while ((error instanceof CompletionException || error instanceof ExecutionException) && error.getCause() != null
                && !(error instanceof CancellationException)) {
            error = error.getCause();
        }
        return error;
    }
}
