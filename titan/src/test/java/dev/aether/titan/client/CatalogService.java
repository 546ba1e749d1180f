package dev.aether.titan.client;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.titan.Cacheable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalog the cache tests run against: each answer is the number of calls so far, so a
 * served cache entry is visible; faults are injected on demand (fail the next N calls with 503,
 * hold calls until released).
 */
public final class CatalogService implements Catalog {
    /** The maxAge the server's cache hints say, in ms. */
    public static final long MAX_AGE_MILLIS = 60_000;

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch release;
    private volatile CountDownLatch entered = new CountDownLatch(1);

    /** How many calls reached the service. */
    public int calls() {
        return calls.get();
    }

    /** The next {@code n} calls fail with 503 (after being counted). */
    public void failNextCalls(int n) {
        failuresLeft.set(n);
    }

    /** Calls from now on wait inside the service until {@link #releaseHeld()}. */
    public void holdCalls() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }

    /** Waits until a held call is inside the service. */
    public boolean awaitHeld() throws InterruptedException {
        return entered.await(10, TimeUnit.SECONDS);
    }

    /** Lets held calls finish; later calls are not held. */
    public void releaseHeld() {
        CountDownLatch gate = release;
        release = null;
        if (gate != null) {
            gate.countDown();
        }
    }

    @Public
    @Cacheable(maxAge = MAX_AGE_MILLIS, tags = "users")
    @Override
    public int users() {
        int seen = calls.incrementAndGet();
        CountDownLatch gate = release;
        if (gate != null) {
            entered.countDown();
            try {
                gate.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failuresLeft.getAndDecrement() > 0) {
            throw TransportException.unavailable("injected failure");
        }
        return seen;
    }
}
