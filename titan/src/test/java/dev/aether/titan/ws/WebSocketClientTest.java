package dev.aether.titan.ws;

import dev.aether.titan.fixtures.Tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.ws.ReconnectingTransport;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.titan.Titan;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.fixtures.Calculator;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.testing.CapturedLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed Netron client over the WebSocket transport against a real Titan. */
class WebSocketClientTest {
    @RegisterExtension
    final CapturedLog dispatcherLog = CapturedLog.of(Dispatcher.class);
    @RegisterExtension
    final CapturedLog titanLog = CapturedLog.of(Titan.class);

    private static final int PARALLEL = 64;
    private static Titan titan;
    private NetronClient client;

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new CalculatorService()).service(new VaultService())
                .service(new RendezvousService(PARALLEL)).authenticator(new Tokens()).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    @AfterEach
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    private Calculator calculator() {
        client = NetronClient.websocket(titan.webSocketUri());
        return client.service(Calculator.class);
    }

    private static NetronException failure(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (NetronException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("expected a failure");
    }

    @Test
    void typedProxyCallReturnsTheResult() {
        assertThat(calculator().add(2, 3)).isEqualTo(5);
    }

    @Test
    void handshakeLearnsTheServerId() {
        calculator();
        assertThat(((ReconnectingTransport) client.transport()).serverId()).isEqualTo(titan.peerId());
    }

    @Test
    void asyncMethodCompletesWithTheResult() {
        assertThat(calculator().addLater(20, 22)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(42);
    }

    @Test
    void sixtyFourCallsAreInFlightAtOnceOnOneConnection() {
        client = NetronClient.websocket(titan.webSocketUri());
        Rendezvous rendezvous = client.service(Rendezvous.class);
        List<CompletableFuture<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            calls.add(rendezvous.meet(i));
        }
        List<Integer> results = calls.stream().map(CompletableFuture::join).toList();
        assertThat(results).isEqualTo(IntStream.range(0, PARALLEL).map(i -> i * 2).boxed().toList());
    }

    @Test
    void serviceErrorArrivesAsTheSameClassWithItsCode() {
        Calculator calc = calculator();
        assertThatThrownBy(() -> calc.divide(1, 0)).isInstanceOf(ValidationException.class).hasMessage("Division by zero")
                .extracting(e -> ((NetronException) e).code()).isEqualTo(422);
    }

    @Test
    void nonPublicMethodFailsWithMethodNotFound() {
        Calculator calc = calculator();
        assertThatThrownBy(calc::notExposed).isInstanceOf(MethodNotFoundException.class)
                .extracting(e -> ((NetronException) e).code()).isEqualTo(404);
    }

    @Test
    void unknownServiceFailsWithServiceNotFound() {
        client = NetronClient.websocket(titan.webSocketUri());
        assertThatThrownBy(() -> client.service(Calculator.class, "abacus").add(1, 2)).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void unexpectedServerExceptionIsAnOpaque500() {
        Calculator calc = calculator();
        assertThatThrownBy(calc::crash).isInstanceOf(NetronException.class).hasMessage("Internal server error")
                .satisfies(e -> assertThat(((NetronException) e).details()).containsKey("errorId"))
                .satisfies(e -> assertThat(dispatcherLog.take(Level.ERROR)).singleElement().satisfies(logged -> {
                    assertThat(logged.getFormattedMessage())
                            .isEqualTo("call calculator@1.0.0.crash failed (errorId " + ((NetronException) e).details().get("errorId") + ")");
                    assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("internal detail that must not leak");
                }));
    }

    @Test
    void anonymousCallOfARoleProtectedMethodFailsWith401() {
        Calculator calc = calculator();
        assertThatThrownBy(calc::secret).isInstanceOf(AuthException.class);
    }

    @Test
    void callSlowerThanItsTimeoutFailsWith408AndIsForgotten() {
        Calculator calc = calculator();
        Calculator impatient = client.withTimeout(Duration.ofMillis(150)).service(Calculator.class);
        assertThatThrownBy(() -> impatient.sleep(1_000)).isInstanceOf(RpcException.class)
                .extracting(e -> ((NetronException) e).code()).isEqualTo(408);
        assertThat(((ReconnectingTransport) client.transport()).inFlight()).isZero();
        assertThat(calc.add(1, 1)).isEqualTo(2); // the late reply is ignored; the connection is fine
    }

    @Test
    void authenticateThenRoleProtectedCallSucceeds() {
        Calculator calc = calculator();
        AuthenticateResponse.Result result = client.authenticate(Map.of("username", "alice", "password", "secret"));
        assertThat(result.success()).isTrue();
        assertThat(result.context().userId()).isEqualTo("alice");
        assertThat(calc.secret()).isEqualTo("42");
    }

    @Test
    void authenticateWithWrongCredentialsReportsFailure() {
        calculator();
        assertThat(client.authenticate(Map.of("username", "alice", "password", "wrong")).success()).isFalse();
    }

    @Test
    void tokenOnConnectAuthenticatesTheConnection() {
        client = NetronClient.websocket(titan.webSocketUri(), Tokens.ADMIN);
        assertThat(client.service(Calculator.class).secret()).isEqualTo("42");
    }

    @Test
    void invalidTokenFailsToConnectWithAuthException() {
        assertThatThrownBy(() -> NetronClient.websocket(titan.webSocketUri(), "forged")).isInstanceOf(AuthException.class);
    }

    @Test
    void queryInterfaceReturnsTheDefinitionAsTheCallerMaySeeIt() {
        calculator();
        Definition definition = client.queryInterface("calculator@1.0.0");
        assertThat(definition.meta().methods()).containsKey("add").doesNotContainKey("secret");
    }

    @Test
    void queryInterfaceOfAnInaccessibleServiceFailsWith404() {
        calculator();
        assertThatThrownBy(() -> client.queryInterface("vault")).isInstanceOf(ServiceNotFoundException.class);
    }

    @Test
    void closeFailsCallsInFlightAndReleasesTheConnection() throws Exception {
        calculator();
        ReconnectingTransport transport = (ReconnectingTransport) client.transport();
        // Long enough never to finish before close() however slow the machine; the server interrupts it on disconnect.
        CompletableFuture<Object> slow = transport.call(new Invocation("calculator", "sleep", List.of(30_000), void.class, Duration.ofSeconds(60)));
        assertThat(transport.inFlight()).as("registered as soon as call() returns").isEqualTo(1);
        client.close();
        assertThat(failure(slow)).isInstanceOf(TransportLostException.class);
        assertThat(transport.inFlight()).isZero();
        assertThat(transport.isOpen()).isFalse();
        assertThat(failure(transport.call(new Invocation("calculator", "add", List.of(1, 2), int.class, Duration.ofSeconds(1)))))
                .isInstanceOf(TransportLostException.class);
        client = null;
    }

    @Test
    void closedClientsLeaveNoSelectorThreadsBehind() {
        long before = selectorThreads();
        for (int i = 0; i < 10; i++) {
            try (NetronClient c = NetronClient.websocket(titan.webSocketUri())) {
                c.service(Calculator.class).add(i, i);
            }
        }
        // Poll with sleeps, not a spin: on a 2-core machine a spinning test thread starves the threads it waits for.
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (selectorThreads() > before && System.nanoTime() < deadline) {
            sleepQuietly(10);
        }
        assertThat(selectorThreads()).isLessThanOrEqualTo(before);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().contains("SelectorManager")).count();
    }

    @Test
    void serverStoppingMidCallFailsTheCallWithTransportLost() throws InterruptedException {
        GateService gate = new GateService();
        try (Titan short_ = Titan.builder().port(0).stopTimeout(Duration.ofMillis(200)).service(gate).build().start();
             NetronClient c = NetronClient.websocket(short_.webSocketUri())) {
            ReconnectingTransport transport = (ReconnectingTransport) c.transport();
            CompletableFuture<Object> slow = transport.call(new Invocation("gate", "pass", List.of(), String.class, Duration.ofSeconds(10)));
            gate.awaitEntered();
            short_.stop(); // the call outlives the 200 ms stop timeout: the connection is cut under it
            assertThat(failure(slow)).isInstanceOf(TransportLostException.class).extracting(NetronException::code).isEqualTo(503);
            assertThat(titanLog.take(Level.WARN)).singleElement().extracting(e -> e.getFormattedMessage())
                    .isEqualTo("1 calls still running after PT0.2S; stopping anyway");
        } finally {
            gate.release.countDown();
        }
    }
}
