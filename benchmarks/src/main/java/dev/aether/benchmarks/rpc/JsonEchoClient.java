package dev.aether.benchmarks.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.http.NetronJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Echo calls as raw Netron HTTP JSON ({@code /netron/invoke} and {@code /netron/batch}) with the
 * JDK HttpClient: the batch and the separate invokes go through the same client code, so the
 * comparison measures batching and nothing else.
 *
 * <pre>{@code
 * JsonEchoClient json = new JsonEchoClient(titan.httpUri());
 * json.invoke(7);              // one POST /netron/invoke, checked
 * json.batch(0, 100);          // one POST /netron/batch with 100 echo calls, each checked
 * }</pre>
 */
final class JsonEchoClient implements AutoCloseable {
    private final HttpClient http;
    private final URI invoke;
    private final URI batch;

    JsonEchoClient(URI base) {
        // HTTP/1.1 explicitly: the JDK client would otherwise try an h2c upgrade on every new connection.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.invoke = base.resolve("/netron/invoke");
        this.batch = base.resolve("/netron/batch");
    }

    void invoke(long sequence) throws IOException, InterruptedException {
        JsonNode answer = post(invoke, call(sequence));
        check(answer, sequence);
    }

    void batch(long firstSequence, int size) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder(64 + size * 96).append("{\"id\":\"b").append(firstSequence).append("\",\"requests\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(call(firstSequence + i));
        }
        JsonNode responses = post(batch, body.append("]}").toString()).path("responses");
        if (responses.size() != size) {
            throw new IllegalStateException("batch of " + size + " answered " + responses.size() + " responses");
        }
        for (int i = 0; i < size; i++) {
            check(responses.get(i), firstSequence + i);
        }
    }

    private static String call(long sequence) {
        return "{\"id\":\"" + sequence + "\",\"service\":\"echo@1.0.0\",\"method\":\"echo\",\"input\":[{\"id\":" + sequence
                + ",\"text\":\"" + EchoMessage.TEXT + "\"}]}";
    }

    private JsonNode post(URI uri, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri.getPath() + " answered " + response.statusCode() + ": " + abbreviated(response.body()));
        }
        return NetronJson.parse(response.body());
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "...";
    }

    private static void check(JsonNode answer, long sequence) {
        JsonNode data = answer.path("data");
        if (!answer.path("success").asBoolean() || !answer.path("id").asText().equals(Long.toString(sequence))
                || data.path("id").asLong(-1) != sequence || !EchoMessage.TEXT.equals(data.path("text").asText())) {
            throw new IllegalStateException("call " + sequence + " answered " + answer);
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
