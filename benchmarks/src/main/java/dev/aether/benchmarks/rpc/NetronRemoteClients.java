package dev.aether.benchmarks.rpc;

import dev.aether.netron.client.NetronClient;
import dev.aether.titan.Titan;
import java.net.URI;

/**
 * The Netron clients that reach Titan over the network: one WebSocket connection, or HTTP.
 *
 * <p>PENDING: {@code NetronClient.websocket(URI)} arrives with the WebSocket transport; until it
 * is merged {@link #webSocket} throws and the run reports that scenario as not measured. Replace
 * its body with the factory call.
 *
 * <pre>{@code
 * NetronClient ws = NetronRemoteClients.webSocket(titan);
 * }</pre>
 */
final class NetronRemoteClients {
    private NetronRemoteClients() {
    }

    static NetronClient webSocket(Titan titan) {
        throw new UnsupportedOperationException("NetronClient.websocket is not merged yet");
    }

    static NetronClient http(Titan titan) {
        return NetronClient.http(titan.httpUri());
    }

    /** The base URI of Titan's {@code /netron/invoke} and {@code /netron/batch}, for raw JSON clients. */
    static URI httpEndpoint(Titan titan) {
        return titan.httpUri();
    }
}
