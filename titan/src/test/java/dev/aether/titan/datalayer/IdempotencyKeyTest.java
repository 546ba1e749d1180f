package dev.aether.titan.datalayer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.client.retry.RetryInterceptor;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.http.IdempotencyKey;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.Tokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Idempotency keys: a retried mutation whose answer was lost runs once on a real Titan. */
class IdempotencyKeyTest {
    private static final RetryPolicy RETRY_WITH_KEYS = RetryPolicy.attempts(4)
            .backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(20), Duration.ofMillis(20))
            .jitter(0)
            .retryIf(RetryDecision.standardWithKeys());

    private final LedgerService ledger = new LedgerService();
    private final HttpClient raw = HttpClient.newHttpClient();
    private Titan titan;

    @BeforeEach
    void start() {
        titan = Titan.builder().port(0).service(ledger).authenticator(new Tokens()).build().start();
    }

    @AfterEach
    void stop() {
        titan.stop();
    }

    private static NetronClient retryingClient(URI uri) {
        return NetronClient.builder(new HttpTransport(uri)).interceptor(new RetryInterceptor()).build()
                .withOptions(o -> o.retry(RETRY_WITH_KEYS));
    }

    @Test
    void aMutationWhoseAnswerIsLostIsRetriedAndAppliedExactlyOnce() throws Exception {
        try (ResponseLosingProxy proxy = new ResponseLosingProxy(titan.httpUri(), 2);
             NetronClient client = retryingClient(proxy.uri())) {
            int balance = client.service(Ledger.class).deposit(5);

            assertThat(proxy.lost()).isEqualTo(2);
            assertThat(balance).isEqualTo(5);
            assertThat(ledger.deposits.get()).isEqualTo(1);
        }
    }

    @Test
    void withoutKeysTheSameLostAnswersAreNotRetriedSoTheMutationIsNotRepeated() throws Exception {
        try (ResponseLosingProxy proxy = new ResponseLosingProxy(titan.httpUri(), 1);
             NetronClient client = NetronClient.builder(new HttpTransport(proxy.uri())).interceptor(new RetryInterceptor()).build()
                     .withOptions(o -> o.retry(RetryPolicy.attempts(4)))) {
            // The standard decision does not trust keys: a 503 on a mutation is not retried.
            assertThatThrownBy(() -> client.service(Ledger.class).deposit(5)).isInstanceOf(TransportException.class);
            assertThat(ledger.deposits.get()).isEqualTo(1);
        }
    }

    @Test
    void separateCallsOfTheSameMutationEachRun() {
        try (NetronClient client = retryingClient(titan.httpUri())) {
            Ledger remote = client.service(Ledger.class);
            remote.deposit(5);
            remote.deposit(5);
            assertThat(ledger.deposits.get()).isEqualTo(2);
        }
    }

    @Test
    void aRepeatedKeyFromTheSameCallerAnswersTheFirstResult() throws Exception {
        String key = UUID.randomUUID().toString();
        JsonNode first = deposit(Tokens.USER, key, 5);
        JsonNode again = deposit(Tokens.USER, key, 5);

        assertThat(first.path("data").asInt()).isEqualTo(5);
        assertThat(again.path("data").asInt()).isEqualTo(5);
        assertThat(ledger.deposits.get()).isEqualTo(1);
    }

    @Test
    void theSameKeyFromAnotherPrincipalRunsAgainAndDoesNotSeeTheFirstResult() throws Exception {
        String key = UUID.randomUUID().toString();
        JsonNode user = deposit(Tokens.USER, key, 5);
        JsonNode admin = deposit(Tokens.ADMIN, key, 7);

        assertThat(user.path("data").asInt()).isEqualTo(5);
        assertThat(admin.path("data").asInt()).isEqualTo(12);
        assertThat(ledger.deposits.get()).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesWaitForTheFirstAndShareItsResult() throws Exception {
        String key = UUID.randomUUID().toString();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            sent.add(raw.sendAsync(depositRequest(Tokens.USER, key, 5), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            assertThat(NetronJson.parse(response.get().body()).path("data").asInt()).isEqualTo(5);
        }
        assertThat(ledger.deposits.get()).isEqualTo(1);
    }

    @Test
    void aKeyWhoseCallFailedRunsAgainWhenRetried() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> failed = raw.send(depositRequest(Tokens.USER, key, -1), HttpResponse.BodyHandlers.ofString());
        JsonNode retried = deposit(Tokens.USER, key, -1);

        assertThat(failed.statusCode()).isEqualTo(409);
        assertThat(retried.path("data").asInt()).isEqualTo(-1);
        assertThat(ledger.deposits.get()).isEqualTo(2);
    }

    @Test
    void aBatchItemsKeyInItsContextMetadataAnswersARepeatWithTheFirstResult() throws Exception {
        String item = "{\"id\":\"d\",\"service\":\"ledger@1.0.0\",\"method\":\"deposit\",\"input\":[5],"
                + "\"context\":{\"metadata\":{\"" + IdempotencyKey.METADATA + "\":\"batch-key-1\"}}}";
        HttpRequest batch = HttpRequest.newBuilder(titan.httpUri().resolve("/netron/batch"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + Tokens.USER)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"b\",\"requests\":[" + item + "]}"))
                .build();

        JsonNode first = NetronJson.parse(raw.send(batch, HttpResponse.BodyHandlers.ofString()).body());
        JsonNode again = NetronJson.parse(raw.send(batch, HttpResponse.BodyHandlers.ofString()).body());

        assertThat(first.path("responses").get(0).path("data").asInt()).isEqualTo(5);
        assertThat(again.path("responses").get(0).path("data").asInt()).isEqualTo(5);
        assertThat(ledger.deposits.get()).isEqualTo(1);
    }

    @Test
    void anOverlongKeyIsRefusedWith400AndNothingRuns() throws Exception {
        HttpResponse<String> response = raw.send(depositRequest(Tokens.USER, "k".repeat(IdempotencyKey.MAX_LENGTH + 1), 5),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(ledger.deposits.get()).isZero();
    }

    private JsonNode deposit(String token, String key, int amount) throws Exception {
        HttpResponse<String> response = raw.send(depositRequest(token, key, amount), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return NetronJson.parse(response.body());
    }

    private HttpRequest depositRequest(String token, String key, int amount) {
        String body = "{\"id\":\"1\",\"service\":\"ledger@1.0.0\",\"method\":\"deposit\",\"input\":[" + amount + "]}";
        return HttpRequest.newBuilder(titan.httpUri().resolve("/netron/invoke"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header(IdempotencyKey.HEADER, key)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
