package dev.aether.benchmarks.live;

import dev.aether.netron.protocol.Public;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link BenchCount} counting its calls: the fetches an invalidation issues are read from here.
 *
 * <pre>{@code
 * BenchCountService count = new BenchCountService();
 * Titan.builder().service(count).build().start();
 * int before = count.calls(); count.next(); state.invalidateTags("count");   // count.calls() - before == 1
 * }</pre>
 */
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
