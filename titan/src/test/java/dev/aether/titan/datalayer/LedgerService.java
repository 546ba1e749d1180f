package dev.aether.titan.datalayer;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.error.NetronException;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import dev.aether.titan.Cacheable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The ledger the tests run against; {@link #deposits} counts how often {@code deposit} really ran. */
public final class LedgerService implements Ledger {
    final AtomicInteger deposits = new AtomicInteger();
    final AtomicInteger balanceReads = new AtomicInteger();
    /** The values {@code echo} was called with, in the order the calls ran. */
    final Queue<String> echoed = new ConcurrentLinkedQueue<>();
    private final AtomicInteger balance = new AtomicInteger();
    /** Makes the first negative deposit fail with 409: how a failed keyed call is provoked. */
    private final AtomicInteger negativeDeposits = new AtomicInteger();

    @Public
    @Override
    public int deposit(int amount) {
        deposits.incrementAndGet();
        if (amount < 0 && negativeDeposits.getAndIncrement() == 0) {
            throw new NetronException(409, "Conflict, try again", Map.of());
        }
        return balance.addAndGet(amount);
    }

    @Public
    @Override
    public CompletableFuture<String> echo(String value) {
        echoed.add(value);
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
