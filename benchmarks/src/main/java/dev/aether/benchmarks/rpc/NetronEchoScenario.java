package dev.aether.benchmarks.rpc;

import dev.aether.netron.client.NetronClient;

/**
 * Typed Netron echo calls through any {@link NetronClient} (WebSocket, HTTP or in process), each
 * a blocking proxy call on its own virtual thread, as application code would write it.
 *
 * <pre>{@code
 * Scenario ws = new NetronEchoScenario("Netron WebSocket echo", NetronClient.websocket(titan.webSocketUri()), 64);
 * }</pre>
 */
public final class NetronEchoScenario implements Scenario {
    private final String name;
    private final NetronClient client;
    private final Echo echo;
    private final int inFlight;

    public NetronEchoScenario(String name, NetronClient client, int inFlight) {
        this.name = name;
        this.client = client;
        this.echo = client.service(Echo.class);
        this.inFlight = inFlight;
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
        EchoCheck.same(sent, echo.echo(sent));
    }

    @Override
    public void close() {
        client.close();
    }
}
