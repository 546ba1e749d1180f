package dev.aether.benchmarks.live;

import java.time.Duration;

/**
 * The client side of a measurement: {@link LocalClients} in the server's JVM, or
 * {@link ChildClients} in a JVM of their own (so a heap reading of the server's JVM holds the
 * server only, and each process stays under the file-descriptor limit).
 */
interface Clients extends AutoCloseable {
    record Opened(int rendered, long renderNanos, int htmlBytes, LiveClient.Attached attached) {
    }

    /** Renders {@code n} live pages by GET and, if {@code attach}, opens each one's WebSocket. */
    Opened open(int n, boolean attach);

    /** Every socket starts waiting for the shared count's text to become {@code value}. */
    void arm(int value);

    /** Waits for the armed round; {@code t0} is System.nanoTime just before the set(). */
    RoundResult await(long t0, Duration timeout);

    /** A full collection in the clients' JVM (before the rounds: the sessions just made are promoted now, not during a round). */
    void collectGarbage();

    /** Every socket acknowledges the frames it received, as the runtime does a second after a frame. */
    void acknowledge();

    @Override
    void close();
}
