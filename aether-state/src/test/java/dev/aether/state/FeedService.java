package dev.aether.state;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A live stream per channel whose items the test pushes: {@link #push} an item, {@link #fail} to
 * end the open stream with an error. Counts the calls and the streams closed by their client.
 */
@Service("feed@1.0.0")
public final class FeedService {
    private static final Object FAIL = new Object();

    private final Map<String, BlockingQueue<Object>> channels = new ConcurrentHashMap<>();
    public final AtomicInteger calls = new AtomicInteger();
    public final AtomicInteger open = new AtomicInteger();

    private BlockingQueue<Object> channel(String name) {
        return channels.computeIfAbsent(name, n -> new LinkedBlockingQueue<>());
    }

    public void push(String channel, int item) {
        channel(channel).add(item);
    }

    /** The stream open on {@code channel} now ends with an error. */
    public void fail(String channel) {
        channel(channel).add(FAIL);
    }

    @Public
    public Iterator<Integer> numbers(String channel) {
        calls.incrementAndGet();
        open.incrementAndGet();
        BlockingQueue<Object> queue = channel(channel);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                try {
                    Object item = queue.take();
                    if (item == FAIL) {
                        open.decrementAndGet();
                        throw new IllegalArgumentException("the feed broke"); // its message reaches the client
                    }
                    return (Integer) item;
                } catch (InterruptedException e) {
                    open.decrementAndGet();
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("closed");
                }
            }
        };
    }
}
