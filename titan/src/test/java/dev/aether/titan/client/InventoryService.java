package dev.aether.titan.client;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.titan.Auth;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A real service with fault injection: fails N times, answers slowly, or holds a call until released; counts every call. */
public final class InventoryService implements Inventory {
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile CountDownLatch release = new CountDownLatch(1);
    private volatile CountDownLatch held = new CountDownLatch(1);

    /** The next {@code n} calls of {@link #flaky()} fail with 503. */
    public void failNextCalls(int n) {
        failuresLeft.set(n);
    }

    /** How many calls reached the service. */
    public int calls() {
        return calls.get();
    }

    /** Waits until a call of {@link #restockWhenReleased} is held. */
    public boolean awaitHeld() throws InterruptedException {
        return held.await(10, TimeUnit.SECONDS);
    }

    /** Lets the held calls go on. */
    public void releaseHeld() {
        release.countDown();
    }

    @Public
    @Override
    public int stock(String item) {
        calls.incrementAndGet();
        return stock.getOrDefault(item, 0);
    }

    @Public
    @Override
    public int restock(String item, int amount) {
        calls.incrementAndGet();
        stock.put(item, amount);
        return amount;
    }

    @Public
    @Override
    public int flaky() {
        int seen = calls.incrementAndGet();
        if (failuresLeft.getAndDecrement() > 0) {
            throw TransportException.unavailable("injected failure");
        }
        return seen;
    }

    @Public
    @Override
    public int slow(long millis) {
        calls.incrementAndGet();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return calls.get();
    }

    @Public
    @Override
    public int restockWhenReleased(String item, int amount) {
        calls.incrementAndGet();
        held.countDown();
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stock.put(item, amount);
        return amount;
    }

    @Public
    @Auth
    @Override
    public String whoAmI() {
        calls.incrementAndGet();
        return "someone";
    }
}
