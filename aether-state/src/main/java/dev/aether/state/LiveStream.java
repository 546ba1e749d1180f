package dev.aether.state;

import dev.aether.reactive.ReadSignal;
import java.util.List;

/**
 * A server stream as signals: made by {@link AetherState#stream} inside an owner and closed with
 * it. It reconnects with backoff after an error (1 s doubling to 30 s by default).
 *
 * <pre>{@code
 * LiveStream<Price> acme = state.stream(Prices.class, p -> p.feed(symbol.get()), StreamOptions.window(20));
 * effect(() -> chart(acme.window().get()));
 * text(() -> acme.status().get().name());
 * }</pre>
 *
 * @param <T> the item type
 */
public interface LiveStream<T> {
    /** The latest item, or null before the first. */
    ReadSignal<T> latest();

    /** The latest items (at most the buffer size), oldest first. */
    ReadSignal<List<T>> window();

    ReadSignal<StreamStatus> status();

    /** The latest failure, or null. */
    ReadSignal<Throwable> error();

    /** Cancels the stream (the server's source stops) and any reconnect; done by the owner's disposal. */
    void close();
}
