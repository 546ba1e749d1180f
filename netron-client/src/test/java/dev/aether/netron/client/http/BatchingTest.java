package dev.aether.netron.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.netron.client.Invocation;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.IdempotencyKey;
import dev.aether.netron.protocol.http.NetronJson;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The batching {@link HttpTransport} against a real Jetty that answers {@code /netron/batch} as the
 * TypeScript reference does: one JSON answer whatever the {@code Accept}, item errors in brief.
 */
class BatchingTest {
    private final List<JsonNode> batches = new CopyOnWriteArrayList<>();
    private final List<String> accepts = new CopyOnWriteArrayList<>();
    private Server jetty;

    @AfterEach
    void stop() throws Exception {
        jetty.stop();
    }

    /** A reference-like server: each item answers {@code answer(item)}, or the whole batch gets {@code status} with an error. */
    private URI start(int status, Function<JsonNode, JsonNode> answer) throws Exception {
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                JsonNode batch = NetronJson.parse(Content.Source.asString(request));
                batches.add(batch);
                accepts.add(request.getHeaders().get(HttpHeader.ACCEPT));
                response.setStatus(status);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                ObjectNode body = NetronJson.mapper().createObjectNode().put("id", batch.path("id").asText());
                if (status != 200) {
                    body.put("success", false).putObject("error").put("code", Integer.toString(status)).put("message", "Batch too large");
                } else {
                    ArrayNode responses = body.putArray("responses");
                    batch.path("requests").forEach(item -> responses.add(answer.apply(item)));
                }
                Content.Sink.write(response, true, NetronJson.write(body), callback);
                return true;
            }
        });
        jetty.start();
        return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
    }

    private static JsonNode echoFirstArgument(JsonNode item) {
        ObjectNode response = NetronJson.mapper().createObjectNode().put("id", item.path("id").asText());
        if (item.path("method").asText().equals("fail")) {
            response.put("success", false).putObject("error").put("code", "409").put("message", "Conflict");
        } else {
            response.put("success", true).set("data", item.path("input").get(0));
        }
        return response;
    }

    private static Invocation call(String method, Object argument) {
        return new Invocation("echo@1.0.0", method, List.of(argument), String.class, Duration.ofSeconds(10));
    }

    @Test
    void callsMadeTogetherGoAsOneReferenceShapedBatchAndEachGetsItsOwnResult() throws Exception {
        URI uri = start(200, BatchingTest::echoFirstArgument);
        try (HttpTransport transport = new HttpTransport(uri, null, new BatchSettings(Duration.ofSeconds(5), 3, true))) {
            List<CompletableFuture<Object>> calls = List.of(transport.call(call("echo", "a")), transport.call(call("echo", "b")),
                    transport.call(call("echo", "c")));

            assertThat(calls.stream().map(CompletableFuture::join)).containsExactly("a", "b", "c");
            assertThat(batches).hasSize(1);
            JsonNode batch = batches.get(0);
            assertThat(batch.path("id").isTextual()).isTrue();
            assertThat(batch.path("requests")).extracting(item -> item.path("method").asText()).containsExactly("echo", "echo", "echo");
            assertThat(batch.path("requests")).allSatisfy(item -> assertThat(item.has("input")).isTrue());
            assertThat(accepts.get(0)).contains("application/x-ndjson");
        }
    }

    @Test
    void aLoneCallGoesWhenTheWindowEnds() throws Exception {
        URI uri = start(200, BatchingTest::echoFirstArgument);
        try (HttpTransport transport = new HttpTransport(uri, null, BatchSettings.DEFAULTS)) {
            assertThat(transport.call(call("echo", "alone")).get(10, TimeUnit.SECONDS)).isEqualTo("alone");
            assertThat(batches).hasSize(1);
        }
    }

    @Test
    void aFailedItemFailsOnlyItsCallWithItsCode() throws Exception {
        URI uri = start(200, BatchingTest::echoFirstArgument);
        try (HttpTransport transport = new HttpTransport(uri, null, new BatchSettings(Duration.ofSeconds(5), 2, true))) {
            CompletableFuture<Object> fine = transport.call(call("echo", "fine"));
            CompletableFuture<Object> failing = transport.call(call("fail", "x"));

            assertThat(fine.get(10, TimeUnit.SECONDS)).isEqualTo("fine");
            assertThat(codeOf(failing)).isEqualTo(409);
        }
    }

    @Test
    void aRefusedBatchFailsEveryCallWithTheRefusal() throws Exception {
        URI uri = start(413, BatchingTest::echoFirstArgument);
        try (HttpTransport transport = new HttpTransport(uri, null, new BatchSettings(Duration.ofSeconds(5), 2, false))) {
            CompletableFuture<Object> first = transport.call(call("echo", "a"));
            CompletableFuture<Object> second = transport.call(call("echo", "b"));

            assertThat(codeOf(first)).isEqualTo(413);
            assertThat(codeOf(second)).isEqualTo(413);
            assertThat(accepts.get(0)).isEqualTo("application/json");
        }
    }

    @Test
    void aMutationsIdempotencyKeyTravelsInItsItemsContextMetadata() throws Exception {
        URI uri = start(200, BatchingTest::echoFirstArgument);
        try (HttpTransport transport = new HttpTransport(uri, null, new BatchSettings(Duration.ofMillis(1), 1, true))) {
            transport.call(new Invocation("echo@1.0.0", "echo", List.of("a"), String.class, Duration.ofSeconds(10), "key-1", null, null))
                    .get(10, TimeUnit.SECONDS);

            assertThat(batches.get(0).path("requests").get(0).path("context").path("metadata").path(IdempotencyKey.METADATA).asText())
                    .isEqualTo("key-1");
        }
    }

    private static int codeOf(CompletableFuture<Object> call) throws InterruptedException {
        try {
            call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected the call to fail");
        } catch (ExecutionException e) {
            return ((NetronException) e.getCause()).code();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("the call did not complete", e);
        }
    }
}
