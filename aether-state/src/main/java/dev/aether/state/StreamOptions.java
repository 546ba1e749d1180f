package dev.aether.state;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link LiveStream} keeps its items and reconnects. Immutable.
 *
 * <pre>{@code
 * StreamOptions.latest()                                  // only the latest item
 * StreamOptions.window(50)                                // the latest 50, oldest first
 * StreamOptions.latest().reconnect(Duration.ofMillis(200), Duration.ofSeconds(5))
 * }</pre>
 *
 * @param bufferSize     how many of the latest items {@link LiveStream#window()} keeps (at least 1)
 * @param reconnect      whether a failed stream is called again
 * @param firstDelay     the wait before the first reconnect (1 s), doubled after each failure ...
 * @param maxDelay       ... up to this (30 s); a stream that delivered an item starts over at firstDelay
 */
public record StreamOptions(int bufferSize, boolean reconnect, Duration firstDelay, Duration maxDelay) {
    public StreamOptions {
        if (bufferSize < 1) {
            throw new IllegalArgumentException("bufferSize must be at least 1, got " + bufferSize);
        }
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** The latest item only; reconnect with backoff from 1 s to 30 s. */
    public static StreamOptions latest() {
        return new StreamOptions(1, true, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The latest {@code size} items; reconnect with backoff from 1 s to 30 s. */
    public static StreamOptions window(int size) {
        return new StreamOptions(size, true, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** This, reconnecting after {@code firstDelay}, doubling up to {@code maxDelay}. */
    public StreamOptions reconnect(Duration firstDelay, Duration maxDelay) {
        return new StreamOptions(bufferSize, true, firstDelay, maxDelay);
    }

    /** This, never reconnecting: an error is final. */
    public StreamOptions noReconnect() {
        return new StreamOptions(bufferSize, false, firstDelay, maxDelay);
    }

    /** The wait before reconnect number {@code attempt} (1, 2, ...). */
    Duration delay(int attempt) {
        Duration delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
