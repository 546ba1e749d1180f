package dev.aether.state;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A live stream per channel whose items the test pushes: {@link #push} an item, {@link #fail} to
 * end the open stream with an error. Counts the calls and the streams still open (closed by their client or by failing).
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

    /**
     * A stream, not a bare iterator: its close is what tells a source that the client left, also
     * when no {@code take} was blocked at that moment (the interrupt then lands nowhere).
     */
    @Public
    public Stream<Integer> numbers(String channel) {
        calls.incrementAndGet();
        open.incrementAndGet();
        BlockingQueue<Object> queue = channel(channel);
        return Stream.generate(() -> take(queue)).onClose(open::decrementAndGet);
    }

    private static Integer take(BlockingQueue<Object> queue) {
        try {
            Object item = queue.take();
            if (item == FAIL) {
                throw new IllegalArgumentException("the feed broke"); // its message reaches the client
            }
            return (Integer) item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("closed");
        }
    }
}
