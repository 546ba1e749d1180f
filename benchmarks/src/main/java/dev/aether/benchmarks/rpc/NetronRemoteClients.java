package dev.aether.benchmarks.rpc;

import dev.aether.netron.client.NetronClient;
import dev.aether.titan.Titan;
import java.net.URI;

/**
 * The Netron clients that reach Titan over the network: one WebSocket connection, or HTTP.
 *
 * <p>PENDING: {@code NetronClient.websocket(URI)}, {@code NetronClient.http(URI)} and Titan's
 * HTTP routes arrive with the transports; until they are merged these throw and the run reports
 * the remote Netron scenarios as not measured. Replace the bodies with the factory calls and
 * {@code titan.httpUri()}.
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
        throw new UnsupportedOperationException("NetronClient.http is not merged yet");
    }

    /** The base URI of Titan's {@code /netron/invoke} and {@code /netron/batch}, for raw JSON clients. */
    static URI httpEndpoint(Titan titan) {
        throw new UnsupportedOperationException("Titan's /netron/invoke and /netron/batch are not merged yet");
    }
}
