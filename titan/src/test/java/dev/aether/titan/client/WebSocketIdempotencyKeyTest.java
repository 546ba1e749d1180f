package dev.aether.titan.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.client.retry.RetryInterceptor;
import dev.aether.netron.client.ws.ReconnectingTransport;
import dev.aether.netron.client.ws.WebSocketTransport;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.titan.Titan;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency keys over a WebSocket, negotiated in the handshake: a mutation whose answer was lost
 * with its connection is retried on a new connection with the same key and runs once.
 */
class WebSocketIdempotencyKeyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private InventoryService inventory;
    private Titan titan;

    @BeforeEach
    void start() {
        inventory = new InventoryService();
        titan = Titan.builder().port(0).service(inventory).build().start();
    }

    @AfterEach
    void stop() {
        inventory.releaseHeld();
        titan.stop();
    }

    private static Invocation restock(String key) {
        return new Invocation("inventory@1.0.0", "restockWhenReleased", List.of("kiwi", 9), Integer.class, TIMEOUT, key, null, null);
    }

    @Test
    void aMutationWhoseAnswerIsLostWithItsConnectionIsRetriedOnANewOneAndAppliedExactlyOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        try (CuttableProxy proxy = new CuttableProxy(titan.port())) {
            WebSocketTransport first = WebSocketTransport.connect(proxy.webSocketUri());
            CompletableFuture<Object> lost = first.call(restock(key));
            assertThat(inventory.awaitHeld()).as("the method is running on the server").isTrue();
            proxy.cut();
            assertThat(lost).failsWithin(TIMEOUT).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(503));
            inventory.releaseHeld(); // the method finishes; its answer has no connection to go to
            first.close();

            try (WebSocketTransport second = WebSocketTransport.connect(titan.webSocketUri())) {
                Object retried = second.call(restock(key)).get(10, java.util.concurrent.TimeUnit.SECONDS);

                assertThat(retried).isEqualTo(9);
                assertThat(inventory.calls()).as("the retry got the first run's result").isEqualTo(1);
            }
        }
    }

    @Test
    void aClientRetryingOverAReconnectingWebSocketRunsALostMutationOnce() throws Exception {
        RetryPolicy policy = RetryPolicy.attempts(5)
                .backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(100), Duration.ofMillis(100))
                .retryIf(RetryDecision.standardWithKeys());
        try (CuttableProxy proxy = new CuttableProxy(titan.port());
             NetronClient client = NetronClient.builder(ReconnectingTransport.connect(proxy.webSocketUri()))
                     .interceptor(new RetryInterceptor()).build()) {
            CompletableFuture<Integer> restocked = client.fluent(Inventory.class).retry(policy)
                    .callAsync(i -> i.restockWhenReleased("kiwi", 9));
            assertThat(inventory.awaitHeld()).isTrue();

            proxy.cut();
            inventory.releaseHeld();

            assertThat(restocked.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(9);
            assertThat(inventory.calls()).as("the retry after the cut got the first run's result").isEqualTo(1);
        }
    }

    @Test
    void aCallWithAnotherKeyRunsAgain() throws Exception {
        inventory.releaseHeld();
        try (WebSocketTransport transport = WebSocketTransport.connect(titan.webSocketUri())) {
            transport.call(restock(UUID.randomUUID().toString())).get(10, java.util.concurrent.TimeUnit.SECONDS);
            transport.call(restock(UUID.randomUUID().toString())).get(10, java.util.concurrent.TimeUnit.SECONDS);
            transport.call(restock(null)).get(10, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(inventory.calls()).isEqualTo(3);
        }
    }
}
