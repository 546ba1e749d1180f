package dev.aether.titan.ws;

import java.time.Duration;
import java.util.Objects;

/**
 * Connection-level limits and timers of the Netron WebSocket endpoint, on top of what
 * {@link dev.aether.titan.TitanSettings} already sets (path, packet size, origins, request timeout).
 *
 * <pre>{@code
 * WebSocketOptions options = WebSocketOptions.defaults().withMaxInFlightPerPeer(64);
 * Handler handler = WebSocketEndpoint.wrap(server, next, dispatcher, settings, options);
 * }</pre>
 *
 * @param maxInFlightPerPeer calls (CALL packets) one connection may have waiting for their reply;
 *                           one more is answered 429 at once. 256 by default: far above what a
 *                           UI needs, low enough that one peer cannot pin unbounded memory.
 * @param pingInterval       how often the server sends a WebSocket ping (30 s, as the reference)
 * @param pongTimeout        how long a ping may go unanswered before the connection is dropped (30 s:
 *                           the reference uses 5 s, but a server busy enough to read a pong late
 *                           would then drop healthy idle clients; a dead peer is still found
 *                           within two ping intervals)
 * @param handshakeTimeout   how long the server waits for {@code client-id} before closing (10 s)
 */
public record WebSocketOptions(int maxInFlightPerPeer, Duration pingInterval, Duration pongTimeout, Duration handshakeTimeout) {
    /** The default cap of calls in flight per connection. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 256;

    public WebSocketOptions {
        if (maxInFlightPerPeer < 1) {
            throw new IllegalArgumentException("maxInFlightPerPeer must be at least 1, got " + maxInFlightPerPeer);
        }
        positive(pingInterval, "pingInterval");
        positive(pongTimeout, "pongTimeout");
        positive(handshakeTimeout, "handshakeTimeout");
    }

    /** 256 calls in flight, ping every 30 s, pong within 30 s, handshake within 10 s. */
    public static WebSocketOptions defaults() {
        return new WebSocketOptions(DEFAULT_MAX_IN_FLIGHT, Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    public WebSocketOptions withMaxInFlightPerPeer(int max) {
        return new WebSocketOptions(max, pingInterval, pongTimeout, handshakeTimeout);
    }

    public WebSocketOptions withHeartbeat(Duration interval, Duration timeout) {
        return new WebSocketOptions(maxInFlightPerPeer, interval, timeout, handshakeTimeout);
    }

    public WebSocketOptions withHandshakeTimeout(Duration timeout) {
        return new WebSocketOptions(maxInFlightPerPeer, pingInterval, pongTimeout, timeout);
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
