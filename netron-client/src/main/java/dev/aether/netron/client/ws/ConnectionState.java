package dev.aether.netron.client.ws;

/**
 * Where a {@link ReconnectingTransport} stands, as its {@link ConnectionListener} hears it.
 *
 * <pre>{@code
 * transport -> { if (state == ConnectionState.RECONNECTING) banner.show("Reconnecting…"); }
 * }</pre>
 */
public enum ConnectionState {
    /** The first connection is being made. */
    CONNECTING,
    /** Connected, authenticated again and subscribed again: calls go out at once. */
    CONNECTED,
    /** The connection was lost; the transport is trying again (calls wait up to their timeout). */
    RECONNECTING,
    /** Closed by the application, or refused by the server (4001): no more attempts. */
    DISCONNECTED
}
