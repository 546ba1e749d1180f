package dev.aether.benchmarks.live;

import dev.aether.netron.protocol.Public;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link BenchCount} counting its calls: the fetches an invalidation issues are read from here. */
public final class BenchCountService implements BenchCount {
    private final AtomicInteger value = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();

    @Public
    @Override
    public int value() {
        calls.incrementAndGet();
        return value.get();
    }

    /** Moves the number on (directly, not as a call); returns the new one. */
    int next() {
        return value.incrementAndGet();
    }

    int calls() {
        return calls.get();
    }
}
