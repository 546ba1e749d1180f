package dev.aether.benchmarks.stream;

import dev.aether.benchmarks.rpc.EchoMessage;
import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Titan side of the streaming benchmark: {@code items(n)} streams n small records, produced
 * lazily, counting what it produced (so the heap run can show the producer waits for the consumer).
 *
 * <pre>{@code
 * Titan.builder().service(new QuoteFeed()).build().start();
 * }</pre>
 */
@Service("feed@1.0.0")
public final class QuoteFeed {
    /** Items produced by all streams so far. */
    public final AtomicLong produced = new AtomicLong();

    @Public
    public Iterator<EchoMessage> items(long n) {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < n;
            }

            @Override
            public EchoMessage next() {
                if (next >= n) throw new NoSuchElementException();
                produced.incrementAndGet();
                return EchoMessage.numbered(next++);
            }
        };
    }

    /** The client's view. */
    @Service("feed@1.0.0")
    public interface Client {
        java.util.concurrent.Flow.Publisher<EchoMessage> items(long n);
    }
}
