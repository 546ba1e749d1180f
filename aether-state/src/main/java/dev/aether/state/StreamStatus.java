package dev.aether.state;

/**
 * Where a {@link LiveStream} stands.
 *
 * <pre>{@code
 * text(() -> prices.status().get() == StreamStatus.CONNECTED ? "live" : "reconnecting...");
 * }</pre>
 */
public enum StreamStatus {
    /** Calling the method; no answer yet (also while reconnecting after an error). */
    CONNECTING,
    /** The server answered with its stream: items arrive. */
    CONNECTED,
    /** The stream failed; a reconnect is scheduled unless reconnecting is off. */
    ERROR,
    /** Ended by the server, or closed (with its owner). */
    DISCONNECTED
}
