package dev.aether.titan.stream;

import dev.aether.netron.protocol.Service;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;

/** The client's view of {@link TickerService}: every stream, whatever the server returns, is a publisher. */
@Service("ticker@1.0.0")
public interface Ticker {
    Flow.Publisher<Tick> counted(int n);

    Flow.Publisher<Tick> ranged(int n);

    Flow.Publisher<Tick> published(int n);

    Flow.Publisher<Tick> failing(int after);

    Flow.Publisher<Tick> endless();

    CompletableFuture<Long> sum(Flow.Publisher<Tick> ticks);

    CompletableFuture<Long> drain(Flow.Publisher<Tick> ticks);
}
