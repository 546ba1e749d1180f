package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.ws.ConnectionState;
import dev.aether.netron.client.ws.KeepAlive;
import dev.aether.netron.client.ws.ReconnectPolicy;
import dev.aether.netron.client.ws.ReconnectingTransport;
import dev.aether.netron.client.ws.WebSocketTransport;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.stream.StreamLimits;
import dev.aether.titan.Titan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Java client's own pings: a server that stops answering (a half-open TCP connection, played
 * by a proxy that silently drops every byte) is noticed within the keep-alive timeout, not when
 * the OS gives up; a server that answers is never dropped.
 */
class ClientKeepAliveTest {
    /** The server's own heartbeat is 30 s: anything noticed within the test's waits is the client's doing. */
    private static final KeepAlive QUICK = new KeepAlive(Duration.ofMillis(200), Duration.ofSeconds(2));
    private static final ReconnectPolicy FAST = new ReconnectPolicy(Duration.ofMillis(50), Duration.ofMillis(400), 0.15);

    private final BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
    private final GateService gate = new GateService();
    private final Titan titan = Titan.builder().port(0).stopTimeout(Duration.ofMillis(200)).service(gate).build().start();
    private BlackholeProxy proxy;
    private AutoCloseable client;

    @AfterEach
    void tearDown() throws Exception {
        gate.release.countDown();
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        titan.stop();
    }

    @Test
    void aServerThatStopsAnsweringIsReportedAsReconnectingAndTheCallInFlightFailsWithTransportLost() throws Exception {
        proxy = new BlackholeProxy(titan.port());
        ReconnectingTransport transport = ReconnectingTransport.builder(proxy.webSocketUri()).keepAlive(QUICK).reconnect(FAST)
                .listener(states::add).connect();
        client = transport;
        awaitState(ConnectionState.CONNECTED);
        CompletableFuture<Object> inFlight = transport.call(new Invocation("gate", "pass", List.of(), String.class, Duration.ofSeconds(60)));
        gate.awaitEntered();

        proxy.blackhole();

        awaitState(ConnectionState.RECONNECTING);
        assertThatThrownBy(() -> inFlight.get(10, TimeUnit.SECONDS)).cause().isInstanceOf(TransportLostException.class);
        awaitState(ConnectionState.CONNECTED);   // a fresh connection through the proxy carries traffic again
    }

    @Test
    void aConnectionWhoseServerAnswersThePingsStaysOpen() throws Exception {
        WebSocketTransport transport = WebSocketTransport.connect(titan.webSocketUri(), null, Duration.ofSeconds(5), StreamLimits.defaults(),
                new KeepAlive(Duration.ofMillis(50), Duration.ofSeconds(2)));
        client = transport;

        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (transport.pongsReceived() < 10 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(transport.pongsReceived()).as("pongs answered").isGreaterThanOrEqualTo(10);
        assertThat(transport.isOpen()).isTrue();
    }

    @Test
    void withoutClientPingsADeadServerGoesUnnoticed() throws Exception {
        proxy = new BlackholeProxy(titan.port());
        WebSocketTransport transport = WebSocketTransport.connect(proxy.webSocketUri(), null, Duration.ofSeconds(5), StreamLimits.defaults(),
                KeepAlive.off());
        client = transport;
        CompletableFuture<Object> inFlight = transport.call(new Invocation("gate", "pass", List.of(), String.class, Duration.ofMillis(2500)));
        gate.awaitEntered();

        proxy.blackhole();

        // The control case for the tests above: the call ends only by its own timeout (408), the connection looks open.
        assertThatThrownBy(() -> inFlight.get(10, TimeUnit.SECONDS)).cause().isNotInstanceOf(TransportLostException.class);
        assertThat(transport.isOpen()).isTrue();
        assertThat(transport.pongsReceived()).isZero();
    }

    private void awaitState(ConnectionState expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        ConnectionState state;
        do {
            state = states.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (state != null && state != expected);
        assertThat(state).as("state reached").isEqualTo(expected);
    }
}
