package dev.aether.examples.showcase;

import dev.aether.netron.protocol.Service;
import java.util.concurrent.Flow;

/**
 * A ticking price feed, as a stream: the server sends a price per tick, only as fast as the
 * subscriber asks (credits on the wire), until the subscriber cancels.
 *
 * <pre>{@code
 * Flow.Publisher<Price> acme = client.service(Prices.class).feed("ACME");
 * acme.subscribe(subscriber);   // subscriber.request(10) → the next 10 ticks
 * }</pre>
 */
@Service("prices@1.0.0")
public interface Prices {
    /** The prices of {@code symbol}, one per tick; an unknown symbol is 400. */
    Flow.Publisher<Price> feed(String symbol);

    /** How many feeds are ticking now, for every symbol and subscriber: a feed stops when its subscriber leaves. */
    int openFeeds();
}
