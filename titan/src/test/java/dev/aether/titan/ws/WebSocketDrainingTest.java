package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.Calculator;
import dev.aether.titan.fixtures.CalculatorService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Titan.stop() over WebSocket: calls in flight finish and are answered, new calls get 503. */
class WebSocketDrainingTest {

    @Test
    void callInFlightCompletesWhileANewCallGets503DuringStop() throws Exception {
        GateService gate = new GateService();
        Titan titan = Titan.builder().port(0).stopTimeout(Duration.ofSeconds(5)).service(gate).service(new CalculatorService()).build().start();
        try (NetronClient client = NetronClient.websocket(titan.webSocketUri())) {
            CompletableFuture<Object> slow = client.transport().call(new Invocation("gate", "pass", List.of(), String.class, Duration.ofSeconds(10)));
            gate.awaitEntered();
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(titan::stop);
            Calculator calc = client.service(Calculator.class);
            assertThatThrownBy(() -> awaitDraining(calc)).isInstanceOf(TransportException.class)
                    .extracting(e -> ((NetronException) e).code()).isEqualTo(503);
            assertThat(slow).isNotDone();
            gate.release.countDown();
            assertThat(slow).succeedsWithin(Duration.ofSeconds(5)).isEqualTo("passed");
            stopping.get(10, TimeUnit.SECONDS);
        } finally {
            gate.release.countDown();
            titan.stop();
        }
    }

    /** Calls until the server is draining (stop() runs on another thread), then throws its 503. */
    private static void awaitDraining(Calculator calc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            calc.add(1, 1);
            Thread.sleep(5);
        }
    }
}
