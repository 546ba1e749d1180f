package dev.aether.titan.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;

/** A subscriber that requests only what the test tells it to and records what it gets. */
public final class TestSubscriber<T> implements Flow.Subscriber<T> {
    public final List<T> items = new CopyOnWriteArrayList<>();
    final CountDownLatch done = new CountDownLatch(1);
    public volatile Throwable error;
    public volatile boolean completed;
    private volatile Flow.Subscription subscription;
    private final CountDownLatch subscribed = new CountDownLatch(1);

    public static <T> TestSubscriber<T> of(Flow.Publisher<T> publisher) {
        TestSubscriber<T> s = new TestSubscriber<>();
        publisher.subscribe(s);
        return s;
    }

    public void request(long n) {
        awaitSubscribed();
        subscription.request(n);
    }

    public void cancel() {
        awaitSubscribed();
        subscription.cancel();
    }

    /** Waits until {@code count} items have arrived. */
    public void awaitItems(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (items.size() < count && error == null && !completed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new AssertionError("got " + items.size() + " of " + count + " items");
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    public boolean awaitDone(Duration timeout) throws InterruptedException {
        return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void awaitSubscribed() {
        try {
            if (!subscribed.await(5, TimeUnit.SECONDS)) throw new AssertionError("never subscribed");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        subscribed.countDown();
    }

    @Override
    public synchronized void onNext(T item) {
        items.add(item);
        notifyAll();
    }

    @Override
    public synchronized void onError(Throwable t) {
        error = t;
        done.countDown();
        notifyAll();
    }

    @Override
    public synchronized void onComplete() {
        completed = true;
        done.countDown();
        notifyAll();
    }
}
