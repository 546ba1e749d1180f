package dev.aether.titan.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Jetty's listener layer did for our sockets, SocketFrames does on websocket-core: against a
 * real Jetty and the JDK's WebSocket client.
 */
class SocketFramesTest {
    private static final int MAX_TEXT_BYTES = 16;

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<Integer> clientCloseCodes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    private Server server;

    /** What the server's socket saw, in order. */
    sealed interface Event {
    }

    record Text(String message) implements Event {
    }

    record TextFragment(String fragment, boolean last) implements Event {
    }

    record BinaryFragment(String bytes, boolean last) implements Event {
    }

    record Closed(int code, String reason) implements Event {
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
        WebSocket client = connect(session -> new SocketFrames.Sinks(SocketFrames.Sinks.wholeText(session, t -> { }), null));

        client.sendPing(ByteBuffer.wrap("are you there".getBytes(StandardCharsets.UTF_8))).join();

        assertThat(pongs.poll(10, TimeUnit.SECONDS)).isEqualTo("are you there");
    }

    @Test
    void aWholeTextMessageIsHandedOnOnceComplete() throws Exception {
        WebSocket client = connect(session -> new SocketFrames.Sinks(SocketFrames.Sinks.wholeText(session, t -> events.add(new Text(t))), null));

        client.sendText("hel", false).join();
        client.sendText("lo", true).join();

        assertThat(events.poll(10, TimeUnit.SECONDS)).isEqualTo(new Text("hello"));
    }

    @Test
    void aWholeTextMessageOverTheLimitClosesTheConnectionWith1009AndIsNotHandedOn() throws Exception {
        WebSocket client = connect(session -> new SocketFrames.Sinks(SocketFrames.Sinks.wholeText(session, t -> events.add(new Text(t))), null));

        client.sendText("x".repeat(MAX_TEXT_BYTES + 1), true).join();

        assertThat(clientCloseCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(1009);
        assertThat(events.poll(10, TimeUnit.SECONDS)).isInstanceOf(Closed.class);
    }

    @Test
    void textFragmentsAreHandedOnAsTheyArriveAndTheLastEndsTheMessage() throws Exception {
        WebSocket client = connect(session -> new SocketFrames.Sinks(
                SocketFrames.Sinks.partialText(session, (fragment, last) -> events.add(new TextFragment(fragment, last))), null));

        client.sendText("ab", false).join();
        client.sendText("cd", true).join();

        assertThat(List.of(events.poll(10, TimeUnit.SECONDS), events.poll(10, TimeUnit.SECONDS)))
                .containsExactly(new TextFragment("ab", false), new TextFragment("cd", true));
    }

    @Test
    void binaryFragmentsAreHandedOnInOrderAndTheLastEndsTheMessage() throws Exception {
        WebSocket client = connect(session -> new SocketFrames.Sinks(null, SocketFrames.Sinks.partialBinary(session, (fragment, last) ->
                events.add(new BinaryFragment(StandardCharsets.UTF_8.decode(fragment).toString(), last)))));

        client.sendBinary(ByteBuffer.wrap(new byte[] {'1', '2'}), false).join();
        client.sendBinary(ByteBuffer.wrap(new byte[] {'3'}), true).join();

        assertThat(List.of(events.poll(10, TimeUnit.SECONDS), events.poll(10, TimeUnit.SECONDS)))
                .containsExactly(new BinaryFragment("12", false), new BinaryFragment("3", true));
    }

    @Test
    void thePeersCloseIsReportedOnceWithItsCodeAndReason() throws Exception {
        WebSocket client = connect(session -> new SocketFrames.Sinks(null, null));

        client.sendClose(4321, "bye").join();
        assertThat(clientCloseCodes.poll(10, TimeUnit.SECONDS)).isEqualTo(4321);   // the server echoed the close
        server.stop();   // the connection is gone for good: Jetty has reported its end

        List<Event> seen = new ArrayList<>();
        events.drainTo(seen);
        assertThat(seen).containsExactly(new Closed(4321, "bye"));
    }

    /** Starts a server whose one socket delivers its messages to the sinks {@code sinks} makes, and connects to it. */
    private WebSocket connect(Function<CoreSession, SocketFrames.Sinks> sinks) throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        WebSocketUpgradeHandler upgrade = new WebSocketUpgradeHandler(WebSocketServerComponents.ensureWebSocketComponents(server));
        upgrade.getConfiguration().setMaxTextMessageSize(MAX_TEXT_BYTES);
        WebSocketNegotiator negotiator = (request, response, callback) -> new SocketFrames(new RecordingSocket(sinks));
        upgrade.addMapping("/", negotiator);
        server.setHandler(upgrade);
        server.start();
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/"), new ClientListener()).get(10, TimeUnit.SECONDS);
    }

    private final class RecordingSocket implements SocketFrames.Socket {
        private final Function<CoreSession, SocketFrames.Sinks> sinks;

        RecordingSocket(Function<CoreSession, SocketFrames.Sinks> sinks) {
            this.sinks = sinks;
        }

        @Override
        public SocketFrames.Sinks onOpen(CoreSession session) {
            return sinks.apply(session);
        }

        @Override
        public void onError(Throwable cause) {
        }

        @Override
        public void onClose(int code, String reason) {
            events.add(new Closed(code, reason));
        }
    }

    private final class ClientListener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            pongs.add(StandardCharsets.UTF_8.decode(message).toString());
            webSocket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            clientCloseCodes.add(statusCode);
            return CompletableFuture.completedFuture(null);
        }
    }
}
