package dev.aether.netron.client.ws;

/**
 * Hears the state changes of a {@link ReconnectingTransport}; it runs on the transport's threads
 * and should return quickly.
 *
 * <pre>{@code
 * ReconnectingTransport.builder(uri).listener(state -> log.info("netron: {}", state)).connect();
 * }</pre>
 */
@FunctionalInterface
public interface ConnectionListener {
    void onStateChange(ConnectionState state);
}
