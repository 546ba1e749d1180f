package dev.aether.titan.datalayer;

import dev.aether.netron.protocol.Public;
import dev.aether.titan.Cacheable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The ledger the tests run against; {@link #deposits} counts how often {@code deposit} really ran. */
public final class LedgerService implements Ledger {
    final AtomicInteger deposits = new AtomicInteger();
    final AtomicInteger balanceReads = new AtomicInteger();
    private final AtomicInteger balance = new AtomicInteger();

    @Public
    @Override
    public int deposit(int amount) {
        deposits.incrementAndGet();
        return balance.addAndGet(amount);
    }

    @Public
    @Override
    public CompletableFuture<String> echo(String value) {
        return CompletableFuture.completedFuture(value);
    }

    @Public
    @Override
    public CompletableFuture<String> slowEcho(String value, long millis) {
        return CompletableFuture.supplyAsync(() -> value, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }

    @Public
    @Override
    @Cacheable(maxAge = 60_000)
    public int balance() {
        balanceReads.incrementAndGet();
        return balance.get();
    }
}
