package dev.aether.state;

import dev.aether.netron.protocol.Service;
import java.util.concurrent.Flow;

/** The client's view of {@link FeedService}: a live stream of numbers. */
@Service("feed@1.0.0")
public interface Feed {
    Flow.Publisher<Integer> numbers(String channel);
}
