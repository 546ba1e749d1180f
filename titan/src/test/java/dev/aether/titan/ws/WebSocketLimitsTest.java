package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.junit.jupiter.api.Test;

/**
 * Packet size, calls in flight per connection, keep-alive, handshake timeout, what a disconnect
 * releases, and a server without an authenticator: cases that need their own server settings.
 */
class WebSocketLimitsTest {

    private static Packet call(long id, Object... data) {
        return Packet.request(id, PacketType.CALL, List.of(data));
    }

    @Test
    void packetOverTheLimitAnswers413WithoutClosingTheConnection() {
        try (Titan titan = Titan.builder().port(0).maxPacketBytes(1 << 20).service(new EchoService()).build().start();
             RawSocket socket = RawSocket.connect(titan.webSocketUri()).handshake("big")) {
            Packet reply = socket.request(call(1, "echo", "echo", "x".repeat((1 << 20) + 10)));
            assertThat(reply.id()).isEqualTo(1);
            assertThat(reply.error()).isTrue();
            NetronException error = (NetronException) reply.data();
            assertThat(error.code()).isEqualTo(413);
            assertThat(error.details()).containsEntry("max", 1 << 20).containsKey("received");
            assertThat(socket.request(call(2, "echo", "echo", "small")).data()).isEqualTo("small");
        }
    }

    @Test
    void packetJustUnderTheLimitIsJoinedFromJettyFragmentsAndServed() {
        String big = "y".repeat((1 << 20) - 100);
        try (Titan titan = Titan.builder().port(0).maxPacketBytes(1 << 20).service(new EchoService()).build().start();
             RawSocket socket = RawSocket.connect(titan.webSocketUri()).handshake("big")) {
            assertThat(socket.request(call(1, "echo", "echo", big)).data()).isEqualTo(big);
        }
    }

    @Test
    void callsBeyondThePerConnectionCapAnswer429() throws Exception {
        GateService gate = new GateService();
        try (WsHarness harness = new WsHarness(WebSocketOptions.defaults().withMaxInFlightPerPeer(2), new CalculatorService(), gate);
             RawSocket socket = RawSocket.connect(harness.uri()).handshake("greedy")) {
            // Held until released, not sleeping for a while: on a slow machine a timed call could finish
            // (and free its slot) before the third one arrives.
            socket.send(call(1, "gate", "pass"));
            socket.send(call(2, "gate", "pass"));
            Packet third = socket.request(call(3, "calculator", "add", 1, 2));
            assertThat(third.id()).isEqualTo(3);
            assertThat(((NetronException) third.data()).code()).isEqualTo(429);
            gate.release.countDown();
            assertThat(List.of(socket.nextPacket().id(), socket.nextPacket().id())).containsExactlyInAnyOrder(1L, 2L);
            assertThat(socket.request(call(4, "calculator", "add", 1, 2)).data()).isEqualTo(3);
        }
    }

    @Test
    void serverPingsTheConnectionToKeepItAlive() throws Exception {
        try (WsHarness harness = new WsHarness(WebSocketOptions.defaults().withHeartbeat(Duration.ofMillis(100), Duration.ofSeconds(2)),
                new CalculatorService());
             RawSocket socket = RawSocket.connect(harness.uri()).handshake("idle")) {
            assertThat(socket.awaitPing(Duration.ofSeconds(5))).isTrue();
            // The next ping comes only after the server checked the pong of this one (a missing pong drops the
            // connection instead): waiting for it proves a full ping/pong round, where a sleep proved nothing.
            assertThat(socket.awaitPing(Duration.ofSeconds(10))).as("the connection survived a ping/pong round").isTrue();
            assertThat(socket.request(call(1, "calculator", "add", 1, 1)).data()).isEqualTo(2);
        }
    }

    @Test
    void connectionWithoutClientIdIsClosedAfterTheHandshakeTimeout() throws Exception {
        try (WsHarness harness = new WsHarness(WebSocketOptions.defaults().withHandshakeTimeout(Duration.ofMillis(200)), new CalculatorService());
             RawSocket socket = RawSocket.connect(harness.uri())) {
            socket.nextBinary();
            assertThat(socket.awaitClose().code()).isEqualTo(CloseStatus.POLICY_VIOLATION);
        }
    }

    @Test
    void disconnectsReleaseEveryConnectionAndPendingCallWithoutThreadGrowth() throws Exception {
        try (WsHarness harness = new WsHarness(WebSocketOptions.defaults(), new CalculatorService())) {
            cycle(harness, 20); // warm up pools before measuring
            awaitReleased(harness);
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            cycle(harness, 300);
            awaitReleased(harness);
            assertThat(harness.handler.connections()).isZero();
            assertThat(harness.handler.callsInFlight()).isZero();
            assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(threadsBefore + 4);
        }
    }

    @Test
    void disconnectInterruptsTheServiceMethodsStillRunningForThePeer() throws Exception {
        GateService gate = new GateService();
        try (WsHarness harness = new WsHarness(WebSocketOptions.defaults(), gate)) {
            try (RawSocket socket = RawSocket.connect(harness.uri()).handshake("leaver")) {
                socket.send(call(1, "gate", "pass"));
                gate.awaitEntered();
            }
            assertThat(gate.interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the work of a client that is gone is stopped, not left to run to its timeout").isTrue();
            awaitReleased(harness);
            assertThat(harness.dispatcher.inFlight()).isZero();
        }
    }

    @Test
    void tokenIsIgnoredWhenNoAuthenticatorIsConfigured() throws Exception {
        try (WsHarness harness = new WsHarness(WebSocketOptions.defaults(), new CalculatorService());
             RawSocket socket = RawSocket.connect(harness.uri(), Map.of("Authorization", "Bearer anything")).handshake("anon")) {
            assertThat(socket.request(call(1, "calculator", "add", 2, 2)).data()).isEqualTo(4);
        }
    }

    /** Connects, leaves two calls in flight and drops the connection without a close handshake. */
    private static void cycle(WsHarness harness, int times) {
        for (int i = 0; i < times; i++) {
            try (RawSocket socket = RawSocket.connect(harness.uri()).handshake("cycle-" + i)) {
                socket.send(call(1, "calculator", "sleep", 50));
                socket.send(call(2, "calculator", "addLater", 1, 2));
            }
        }
    }

    private static void awaitReleased(WsHarness harness) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline
                && (harness.handler.connections() > 0 || harness.handler.callsInFlight() > 0 || harness.dispatcher.inFlight() > 0)) {
            Thread.sleep(10);
        }
        Map<String, Integer> state = new HashMap<>();
        state.put("connections", harness.handler.connections());
        state.put("calls", harness.handler.callsInFlight());
        state.put("dispatcher", harness.dispatcher.inFlight());
        assertThat(state).containsOnly(Map.entry("connections", 0), Map.entry("calls", 0), Map.entry("dispatcher", 0));
    }
}
