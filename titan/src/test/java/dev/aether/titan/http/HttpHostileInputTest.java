package dev.aether.titan.http;

import static dev.aether.titan.http.RawHttp.invoke;
import static dev.aether.titan.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Input an attacker or a broken client sends: always a clear 4xx, never a 500, and the server stays up. */
class HttpHostileInputTest {
    private static Titan titan;
    private static RawHttp http;

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new CalculatorService()).maxBodyBytes(64 * 1024).build().start();
        http = new RawHttp(titan.httpUri());
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    @AfterEach
    void serverStillAnswers() {
        assertThat(json(http.post("/netron/invoke", invoke("alive", "calculator", "add", "[1,2]"))).get("data").asInt()).isEqualTo(3);
    }

    @Test
    void nestingBeyondTheParserLimitIs400InvalidJson() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        HttpResponse<String> response = http.post("/netron/invoke", invoke("deep", "calculator", "add", deep));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid JSON");
    }

    @Test
    void deepButParseableArgumentIs400NotAStackOverflow() {
        String deep = "[".repeat(900) + "]".repeat(900);
        HttpResponse<String> response = http.post("/netron/invoke", invoke("deep", "calculator", "add", "[" + deep + "," + deep + "]"));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void bytesThatAreNotUtf8Are400() {
        byte[] body = "{\"id\":\"x\",\"service\":\"calculator\",\"method\":\"add\",\"input\":[\"\u0000\"]}".getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[body.length + 2];
        System.arraycopy(body, 0, broken, 0, body.length);
        broken[body.length - 4] = (byte) 0xC3; // a lead byte followed by ASCII: malformed UTF-8
        broken[body.length] = (byte) 0xFF;
        HttpResponse<String> response = http.postBytes("/netron/invoke", broken, "Content-Type", "application/json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid JSON");
    }

    @Test
    void garbageAfterTheJsonBodyIs400() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("t", "calculator", "add", "[1,2]") + " xyz");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid JSON");
        assertThat(json(response).at("/error/details/reason").asText()).isEqualTo("data after the JSON value");
    }

    @Test
    void secondJsonValueAfterTheBodyIs400() {
        String one = invoke("t", "calculator", "add", "[1,2]");
        HttpResponse<String> response = http.post("/netron/invoke", one + one);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/details/reason").asText()).isEqualTo("data after the JSON value");
    }

    @Test
    void trailingDataAfterABatchIs400() {
        HttpResponse<String> response = http.post("/netron/batch", "{\"id\":\"b\",\"requests\":[]}{}");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void whitespaceAfterTheJsonBodyIsFine() {
        assertThat(http.post("/netron/invoke", invoke("t", "calculator", "add", "[1,2]") + " \r\n\t ").statusCode()).isEqualTo(200);
    }

    @Test
    void textPlainBodyIs415() {
        HttpResponse<String> response = http.postBytes("/netron/invoke",
                invoke("t", "calculator", "add", "[1,2]").getBytes(StandardCharsets.UTF_8), "Content-Type", "text/plain");
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("415");
    }

    @Test
    void formPostIs415() {
        HttpResponse<String> response = http.postBytes("/netron/batch", "requests=1".getBytes(StandardCharsets.UTF_8),
                "Content-Type", "application/x-www-form-urlencoded");
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void jsonInAnotherCharsetIs415() {
        HttpResponse<String> response = http.postBytes("/netron/invoke",
                invoke("t", "calculator", "add", "[1,2]").getBytes(StandardCharsets.UTF_16), "Content-Type", "application/json; charset=utf-16");
        assertThat(response.statusCode()).isEqualTo(415);
    }

    @Test
    void emptyBodyIs400InvalidJson() {
        HttpResponse<String> response = http.post("/netron/invoke", "");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid JSON");
    }

    @Test
    void topLevelArrayIs400InvalidRequestFormat() {
        HttpResponse<String> response = http.post("/netron/invoke", "[1,2,3]");
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid request format");
    }

    @Test
    void numericIdIs400InvalidRequestFormat() {
        HttpResponse<String> response = http.post("/netron/invoke", "{\"id\":1,\"service\":\"calculator\",\"method\":\"add\",\"input\":[1,2]}");
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void hugeNumberArgumentIs400() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("n", "calculator", "add", "[1e999999, 99999999999999999999999]"));
        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void pathLikeServiceNameIs4xx() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("p", "../../etc/passwd", "add", "[1,2]"));
        assertThat(response.statusCode()).isBetween(400, 404);
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        byte[] big = ("{\"id\":\"c\",\"service\":\"calculator\",\"method\":\"add\",\"input\":[\"" + "y".repeat(200 * 1024) + "\"]}")
                .getBytes(StandardCharsets.UTF_8);
        // ofInputStream has no known length, so the JDK client sends it chunked: the limit must hold without Content-Length.
        HttpRequest request = HttpRequest.newBuilder(titan.httpUri().resolve("/netron/invoke"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(413);
        }
    }

    @Test
    void largeBatchRunsEveryItemWithinTheConcurrencyCap() {
        int items = dev.aether.titan.Limits.DEFAULT_MAX_BATCH_ITEMS; // more than BatchRoute.MAX_CONCURRENCY
        StringBuilder body = new StringBuilder("{\"id\":\"many\",\"requests\":[");
        for (int i = 0; i < items; i++) {
            body.append(i == 0 ? "" : ",").append(invoke("i" + i, "calculator", "add", "[1,1]"));
        }
        HttpResponse<String> response = http.post("/netron/batch", body.append("]}").toString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/hints/successCount").asInt()).isEqualTo(items);
    }

    @Test
    void refusingARequestBeforeItsBodyArrivedClosesTheConnectionExplicitly() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", titan.port())) {
            socket.setSoTimeout(5_000);
            // Headers only: the body is still on its way when the server refuses the request.
            socket.getOutputStream().write(("POST /netron/nothing HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 20\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String head = headersOf(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 404");
            assertThat(head.toLowerCase(java.util.Locale.ROOT))
                    .as("a pooled client must not reuse a connection the server is about to drop")
                    .contains("connection: close");
        }
    }

    /** The status line and headers of a raw HTTP response, up to the blank line. */
    private static String headersOf(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        for (int b; !head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1; ) {
            head.append((char) b);
        }
        return head.toString();
    }
}
