package dev.aether.titan.datalayer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.http.BatchSettings;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.http.BatchLines;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.Titan;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP batching in the client, and per-item NDJSON results from Titan's {@code /netron/batch}. */
class BatchStreamingTest {
    private static final String SLOW_ECHO = "{\"id\":\"slow\",\"service\":\"ledger@1.0.0\",\"method\":\"slowEcho\",\"input\":[\"slow\",1500]}";
    private static final String ECHO = "{\"id\":\"fast\",\"service\":\"ledger@1.0.0\",\"method\":\"echo\",\"input\":[\"fast\"]}";

    private final RequestLog requests = new RequestLog();
    private final HttpClient raw = HttpClient.newHttpClient();
    private Titan titan;

    @BeforeEach
    void start() {
        titan = Titan.builder().port(0).service(new LedgerService()).maxBatchItems(3).mount(requests).build().start();
    }

    @AfterEach
    void stop() {
        titan.stop();
    }

    /** Two calls always go together: the batch is sent when the second one arrives. */
    private NetronClient batchingClient(boolean streaming) {
        return NetronClient.over(new HttpTransport(titan.httpUri(), null, new BatchSettings(Duration.ofSeconds(5), 2, streaming)));
    }

    @Test
    void aFastCallBatchedWithASlowOneCompletesWithoutWaitingForIt() throws Exception {
        try (NetronClient client = batchingClient(true)) {
            Ledger ledger = client.service(Ledger.class);
            long start = System.nanoTime();
            CompletableFuture<String> slow = ledger.slowEcho("slow", 2000);
            CompletableFuture<String> fast = ledger.echo("fast");

            assertThat(fast.get(10, TimeUnit.SECONDS)).isEqualTo("fast");
            long fastMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(slow.isDone()).isFalse();
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");

            assertThat(fastMillis).isLessThan(1000);
            assertThat(requests.paths()).containsExactly("/netron/batch");
        }
    }

    @Test
    void withoutStreamingEveryCallOfTheBatchWaitsForTheSlowest() throws Exception {
        try (NetronClient client = batchingClient(false)) {
            Ledger ledger = client.service(Ledger.class);
            long start = System.nanoTime();
            CompletableFuture<String> slow = ledger.slowEcho("slow", 1000);
            CompletableFuture<String> fast = ledger.echo("fast");

            assertThat(fast.get(10, TimeUnit.SECONDS)).isEqualTo("fast");
            assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(1000);
            assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
            assertThat(requests.paths()).containsExactly("/netron/batch");
        }
    }

    @Test
    void callsBeyondMaxCallsGoInTheNextBatch() throws Exception {
        try (NetronClient client = NetronClient.over(new HttpTransport(titan.httpUri(), null,
                new BatchSettings(Duration.ofMillis(50), 2, true)))) {
            Ledger ledger = client.service(Ledger.class);
            List<CompletableFuture<String>> calls = List.of(ledger.echo("a"), ledger.echo("b"), ledger.echo("c"));

            assertThat(calls.stream().map(CompletableFuture::join)).containsExactly("a", "b", "c");
            assertThat(requests.paths()).containsExactly("/netron/batch", "/netron/batch");
        }
    }

    @Test
    void aFailingCallInABatchFailsWithItsOwnErrorWhileTheOtherSucceeds() throws Exception {
        try (NetronClient client = batchingClient(true)) {
            CompletableFuture<String> fine = client.service(Ledger.class).echo("fine");
            CompletableFuture<String> missing = client.service(Missing.class, "ledger@1.0.0").nope();

            assertThat(fine.get(10, TimeUnit.SECONDS)).isEqualTo("fine");
            assertThat(missing).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(Exception.class)
                    .havingRootCause().isInstanceOf(MethodNotFoundException.class);
        }
    }

    /** A contract naming a method the ledger does not have. */
    interface Missing {
        CompletableFuture<String> nope();
    }

    @Test
    void titanWritesEachItemsLineWhenItCompletesThenTheTotals() throws Exception {
        HttpResponse<String> response = postBatch("[" + SLOW_ECHO + "," + ECHO + "]", BatchLines.MEDIA_TYPE);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith(BatchLines.MEDIA_TYPE));
        List<JsonNode> lines = response.body().lines().map(NetronJson::parse).toList();
        assertThat(lines).extracting(line -> line.path("id").asText()).containsExactly("fast", "slow", "b-1");
        assertThat(lines.get(0).path("data").asText()).isEqualTo("fast");
        assertThat(lines.get(2).path("hints").path("successCount").asInt()).isEqualTo(2);
    }

    @Test
    void withoutTheAcceptHeaderTitanAnswersTheReferenceJsonInRequestOrder() throws Exception {
        HttpResponse<String> response = postBatch("[" + SLOW_ECHO + "," + ECHO + "]", "application/json");

        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode json = NetronJson.parse(response.body());
        assertThat(json.path("responses")).extracting(item -> item.path("id").asText()).containsExactly("slow", "fast");
    }

    @Test
    void anOversizedBatchAskingForLinesStillGets413AndNothingRuns() throws Exception {
        HttpResponse<String> response = postBatch("[" + ECHO + "," + ECHO + "," + ECHO + "," + ECHO + "]", BatchLines.MEDIA_TYPE);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(NetronJson.parse(response.body()).path("success").asBoolean()).isFalse();
    }

    @Test
    void aMalformedBatchAskingForLinesStillGets400() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(titan.httpUri().resolve("/netron/batch"))
                .header("Content-Type", "application/json").header("Accept", BatchLines.MEDIA_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"b-1\",\"requests\":[")).build();
        HttpResponse<String> response = raw.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> postBatch(String items, String accept) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(titan.httpUri().resolve("/netron/batch"))
                .header("Content-Type", "application/json").header("Accept", accept)
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"b-1\",\"requests\":" + items + "}")).build();
        try {
            return raw.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (CompletionException e) {
            throw e;
        }
    }
}
