package dev.aether.titan.ws;

/**
 * The WebSocket close codes of Netron (netron-wire.md §4), besides the standard ones, which
 * are Jetty's {@link org.eclipse.jetty.websocket.core.CloseStatus} (1000 normal, 1001 server going
 * away, 1008 policy violation: the client broke the handshake rules).
 *
 * <pre>{@code
 * session.close(CloseCodes.UNAUTHORIZED, "Invalid token", Callback.NOOP);
 * }</pre>
 */
public final class CloseCodes {
    /** The upgrade asked for another path than the Netron WebSocket path. */
    public static final int PATH_NOT_FOUND = 4000;
    /** The token was invalid, or a browser's Origin is neither the server's own nor an allowed one. */
    public static final int UNAUTHORIZED = 4001;
    /**
     * Ours, not the reference's: the connection fell more events behind than
     * {@link dev.aether.titan.event.EventLimits#maxQueuedEventsPerPeer()} allows, so its
     * subscriptions were dropped; a client reconnects and subscribes again (the 29 echoes 429).
     */
    public static final int SLOW_SUBSCRIBER = 4029;

    private CloseCodes() {
    }
}
