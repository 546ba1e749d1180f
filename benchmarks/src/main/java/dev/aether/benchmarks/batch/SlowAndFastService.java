package dev.aether.benchmarks.batch;

import dev.aether.netron.protocol.Public;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@link SlowAndFast} on the server: {@code slow} completes on a timer, holding no thread while it waits. */
public final class SlowAndFastService implements SlowAndFast {
    @Public
    @Override
    public CompletableFuture<String> fast(String value) {
        return CompletableFuture.completedFuture(value);
    }

    @Public
    @Override
    public CompletableFuture<String> slow(String value, long millis) {
        return CompletableFuture.supplyAsync(() -> value, CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS));
    }
}
