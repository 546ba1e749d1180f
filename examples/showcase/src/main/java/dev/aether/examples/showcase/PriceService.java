package dev.aether.examples.showcase;

import dev.aether.netron.protocol.Public;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Prices} with a random walk per subscriber: each feed has its own publisher and its own
 * virtual thread that ticks. {@link SubmissionPublisher#submit} blocks when the subscriber is a
 * full buffer behind, so a slow reader slows the ticks down instead of piling them up; the thread
 * stops once the subscriber is gone (it cancelled, or the connection dropped).
 *
 * <pre>{@code
 * Titan.builder().service(new PriceService(Duration.ofMillis(250)));
 * }</pre>
 */
public final class PriceService implements Prices {
    private static final Map<String, Double> OPENING = Map.of("AAPL", 193.42, "ACME", 100.0, "MSFT", 425.52, "NVDA", 121.79);
    private static final int BUFFER = 16;

    private final Duration tick;
    private final AtomicInteger open = new AtomicInteger();

    /** Ticks at {@code tick} intervals. */
    public PriceService(Duration tick) {
        this.tick = tick;
    }

    @Public
    @Override
    public Flow.Publisher<Price> feed(String symbol) {
        Double opening = OPENING.get(symbol);
        if (opening == null) {
            throw new IllegalArgumentException("Unknown symbol: " + symbol + " (known: " + OPENING.keySet().stream().sorted().toList() + ")");
        }
        return subscriber -> {
            SubmissionPublisher<Price> publisher = new SubmissionPublisher<>(Runnable::run, BUFFER);
            publisher.subscribe(subscriber);
            Thread.ofVirtual().name("price-feed-" + symbol).start(() -> ticks(publisher, symbol, opening));
        };
    }

    @Public
    @Override
    public int openFeeds() {
        return open.get();
    }

    private void ticks(SubmissionPublisher<Price> publisher, String symbol, double opening) {
        open.incrementAndGet();
        SplittableRandom random = new SplittableRandom(symbol.hashCode());
        double price = opening;
        try (publisher) { // ticks while the subscriber is there; it leaves by cancelling or with the connection
            for (long seq = 0; publisher.hasSubscribers(); seq++) {
                publisher.submit(new Price(symbol, seq, Math.round(price * 100) / 100.0));
                price = Math.max(0.01, price * (1 + (random.nextDouble() - 0.5) / 100));
                Thread.sleep(tick);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
        }
    }
}
