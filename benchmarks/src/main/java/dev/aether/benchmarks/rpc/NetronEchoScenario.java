package dev.aether.benchmarks.rpc;

import dev.aether.netron.client.NetronClient;
import java.util.List;

/**
 * Typed Netron echo calls through {@link NetronClient}s (WebSocket, HTTP or in process), each a
 * blocking proxy call on its own virtual thread, as application code would write it. With
 * several clients, operations take turns over them.
 *
 * <pre>{@code
 * Scenario ws = new NetronEchoScenario("Netron WebSocket echo", List.of(NetronClient.websocket(titan.webSocketUri())), 64);
 * }</pre>
 */
public final class NetronEchoScenario implements Scenario {
    private final String name;
    private final List<NetronClient> clients;
    private final List<Echo> echoes;
    private final int inFlight;

    public NetronEchoScenario(String name, List<NetronClient> clients, int inFlight) {
        if (clients.isEmpty()) {
            throw new IllegalArgumentException("at least one client");
        }
        this.name = name;
        this.clients = List.copyOf(clients);
        this.echoes = clients.stream().map(c -> c.service(Echo.class)).toList();
        this.inFlight = inFlight;
    }

    /** One client. */
    public NetronEchoScenario(String name, NetronClient client, int inFlight) {
        this(name, List.of(client), inFlight);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int inFlight() {
        return inFlight;
    }

    @Override
    public void operate(long sequence) {
        EchoMessage sent = EchoMessage.numbered(sequence);
        EchoCheck.same(sent, echoes.get((int) (sequence % echoes.size())).echo(sent));
    }

    @Override
    public void close() {
        clients.forEach(NetronClient::close);
    }
}
