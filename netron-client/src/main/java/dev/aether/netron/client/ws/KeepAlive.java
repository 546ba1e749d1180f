package dev.aether.netron.client.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * The client's own keep-alive: a WebSocket ping every {@code interval}; when nothing at all (pong
 * or any other frame) comes back within {@code timeout} of a ping, the connection counts as lost,
 * as if the server had closed it. This is how a dead server behind a half-open TCP connection is
 * noticed in seconds instead of whenever the OS gives up.
 *
 * <pre>{@code
 * ReconnectingTransport.builder(uri).keepAlive(new KeepAlive(Duration.ofSeconds(20), Duration.ofSeconds(10))).connect();
 * ReconnectingTransport.builder(uri).keepAlive(KeepAlive.off()).connect();   // rely on the server's pings only
 * }</pre>
 */
public record KeepAlive(Duration interval, Duration timeout) {
    /** No client pings: a connection ends only when the server or the OS ends it. */
    private static final KeepAlive OFF = new KeepAlive(Duration.ZERO, Duration.ZERO);

    public KeepAlive {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (interval.isNegative() || timeout.isNegative() || interval.isZero() != timeout.isZero()) {
            throw new IllegalArgumentException("interval and timeout must both be positive (or both zero: off), got " + interval + " and " + timeout);
        }
    }

    /** A ping every 20 s, the connection lost when 10 s pass without an answer. */
    public static KeepAlive defaults() {
        return new KeepAlive(Duration.ofSeconds(20), Duration.ofSeconds(10));
    }

    /** No client pings. */
    public static KeepAlive off() {
        return OFF;
    }

    /** Whether the client pings at all. */
    public boolean enabled() {
        return !interval.isZero();
    }
}
