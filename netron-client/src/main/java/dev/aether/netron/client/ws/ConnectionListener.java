package dev.aether.netron.client.ws;

import dev.aether.netron.protocol.error.NetronException;

/**
 * Hears the state changes of a {@link ReconnectingTransport} and the subscriptions the server
 * refused when nobody was waiting for the answer; it runs on the transport's threads and should
 * return quickly.
 *
 * <pre>{@code
 * ReconnectingTransport.builder(uri).listener(state -> log.info("netron: {}", state)).connect();
 * ReconnectingTransport.builder(uri).listener(new ConnectionListener() {
 *     public void onStateChange(ConnectionState state) { banner.show(state); }
 *     public void onSubscriptionRefused(String event, NetronException cause) { banner.show("No more " + event); }
 * }).connect();
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionListener {
    void onStateChange(ConnectionState state);

    /**
     * The server refused a subscription made while reconnecting, or one subscribed again after a
     * reconnect (401/403/429): the event's handlers were removed, their handles report
     * {@code SubscriptionState.REFUSED}. By default logged (WARNING) and otherwise ignored.
     */
    default void onSubscriptionRefused(String event, NetronException cause) {
        System.getLogger(ConnectionListener.class.getName()).log(System.Logger.Level.WARNING,
                "the server refused the subscription to '" + event + "'", cause);
    }
}
