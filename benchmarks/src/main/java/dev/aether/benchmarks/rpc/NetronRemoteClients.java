package dev.aether.benchmarks.rpc;

import dev.aether.netron.client.NetronClient;
import dev.aether.titan.Titan;
import java.net.URI;

/**
 * Where the remote scenarios reach Titan: one Netron WebSocket connection, the typed client over
 * Netron HTTP, or the raw HTTP routes.
 *
 * <pre>{@code
 * NetronClient ws = NetronRemoteClients.webSocket(titan);
 * }</pre>
 */
final class NetronRemoteClients {
    private NetronRemoteClients() {
    }

    /** One WebSocket connection that every call in flight shares, as gRPC's one HTTP/2 connection. */
    static NetronClient webSocket(Titan titan) {
        return NetronClient.websocket(titan.webSocketUri());
    }

    static NetronClient http(Titan titan) {
        return NetronClient.http(titan.httpUri());
    }

    /** The base URI of Titan's {@code /netron/invoke} and {@code /netron/batch}, for raw JSON clients. */
    static URI httpEndpoint(Titan titan) {
        return titan.httpUri();
    }
}
