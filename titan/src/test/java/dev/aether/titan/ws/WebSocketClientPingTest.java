package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.ws.WebSocketTransport;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.transport.SocketFrames;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.Test;

/** The client answers a PING packet from the server (titan peers send them) with the same id and data. */
class WebSocketClientPingTest {

    @Test
    void clientEchoesAServerPing() throws Exception {
        PingingServerSocket fake = new PingingServerSocket();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebSocketUpgradeHandler upgrade = new WebSocketUpgradeHandler(WebSocketServerComponents.ensureWebSocketComponents(server));
        WebSocketNegotiator negotiator = (req, resp, cb) -> new SocketFrames(fake);
        upgrade.addMapping("/", negotiator);
        server.setHandler(upgrade);
        server.start();
        try (WebSocketTransport transport = WebSocketTransport.connect(URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/"))) {
            Packet pong = fake.received.poll(5, TimeUnit.SECONDS);
            while (pong != null && pong.impulse()) {
                pong = fake.received.poll(5, TimeUnit.SECONDS); // the client's own requests (its handshake ping), not the answer
            }
            assertThat(pong).isNotNull();
            assertThat(pong.id()).isEqualTo(PingingServerSocket.PING_ID);
            assertThat(pong.type()).isEqualTo(PacketType.PING);
            assertThat(pong.impulse()).isFalse();
            assertThat(pong.data()).isEqualTo(PingingServerSocket.PING_DATA);
            assertThat(transport.serverId()).isEqualTo("fake-server");
        } finally {
            server.stop();
        }
    }
}
