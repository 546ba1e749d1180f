package dev.aether.netron.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The publisher a {@code Flow.Publisher<T>} method returns before its call is answered. A stream
 * answer gets the subscriber itself, so its requests reach the wire; a plain value is emitted
 * once requested; a failed call is {@code onError}. One subscriber, like the stream behind it.
 *
 * <pre>{@code
 * Flow.Publisher<Price> prices = pricesService.feed("ACME");   // the call is under way
 * prices.subscribe(subscriber);                                // onSubscribe once the server answered
 * }</pre>
 */
final class AnsweredPublisher implements Flow.Publisher<Object> {
    private final CompletableFuture<Object> answer;
    private final AtomicBoolean subscribed = new AtomicBoolean();

    AnsweredPublisher(CompletableFuture<Object> answer) {
        this.answer = answer;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void subscribe(Flow.Subscriber<? super Object> subscriber) {
        if (!subscribed.compareAndSet(false, true)) {
            subscriber.onSubscribe(new Single(subscriber, null));
            subscriber.onError(new IllegalStateException("This publisher has a subscriber already: call the method again for another"));
            return;
        }
        answer.whenComplete((value, error) -> {
            if (error != null) {
                subscriber.onSubscribe(new Single(subscriber, null));
                subscriber.onError(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            } else if (value instanceof Flow.Publisher<?> stream) {
                ((Flow.Publisher<Object>) stream).subscribe(subscriber);
            } else {
                Single single = new Single(subscriber, value);
                subscriber.onSubscribe(single);
            }
        });
    }

    /** One value on the first request, then completion. */
    private static final class Single implements Flow.Subscription {
        private final Flow.Subscriber<? super Object> subscriber;
        private final Object value;
        private final AtomicBoolean done = new AtomicBoolean();

        Single(Flow.Subscriber<? super Object> subscriber, Object value) {
            this.subscriber = subscriber;
            this.value = value;
        }

        @Override
        public void request(long n) {
            if (value == null || !done.compareAndSet(false, true)) return;
            if (n <= 0) {
                subscriber.onError(new IllegalArgumentException("request(" + n + "): must be positive (Reactive Streams rule 3.9)"));
                return;
            }
            subscriber.onNext(value);
            subscriber.onComplete();
        }

        @Override
        public void cancel() {
            done.set(true);
        }
    }
}
