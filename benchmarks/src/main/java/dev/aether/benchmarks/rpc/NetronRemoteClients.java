package dev.aether.benchmarks.rpc;

import dev.aether.netron.client.NetronClient;
import dev.aether.titan.Titan;

/**
 * The Netron clients that reach Titan over the network: one WebSocket connection, or HTTP.
 *
 * <p>PENDING: {@code NetronClient.websocket(URI)} and {@code NetronClient.http(URI)} arrive with
 * the transports; until they are merged these throw and the run reports the remote Netron
 * scenarios as not measured. Replace the bodies with the two factory calls.
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
}
