package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.http.NetronJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** Plain HTTP against a Titan with the JDK client: what any non-Java caller sends, no Netron client involved. */
final class RawHttp {
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** A JSON POST; {@code headers} are name, value pairs. */
    HttpResponse<String> post(String path, String json, String... headers) {
        return send(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    CompletableFuture<HttpResponse<String>> postAsync(String path, String json, String... headers) {
        return CLIENT.sendAsync(request(path, headers).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of raw bytes with whatever headers the test chooses (content type included). */
    HttpResponse<String> postBytes(String path, byte[] body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET().build());
    }

    HttpResponse<String> options(String path, String... headers) {
        return send(request(path, headers).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return NetronJson.parse(response.body());
    }

    /** {"id":id,"service":service,"method":method,"input":input} with input given as JSON text. */
    static String invoke(String id, String service, String method, String input) {
        return "{\"id\":\"" + id + "\",\"service\":\"" + service + "\",\"method\":\"" + method + "\",\"input\":" + input + "}";
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
