package dev.aether.titan.http;

import dev.aether.titan.fixtures.Tokens;
import static dev.aether.titan.http.RawHttp.invoke;
import static dev.aether.titan.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.testing.CapturedLog;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Blocker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Behaviour that needs its own server: inbound rate limits and graceful draining. */
class HttpLimitsAndDrainTest {
    /** Jetty's, not ours: it warns when shutdown cuts off the blocking read of a request body. */
    @RegisterExtension
    final CapturedLog jettyBlockerLog = CapturedLog.of(Blocker.class);

    @Test
    void callOverTheRateLimitIs429WithRetryAfterAndRateLimitHeaders() {
        try (Titan titan = Titan.builder().port(0).service(new CalculatorService()).rateLimit(2, Duration.ofSeconds(60)).build().start()) {
            RawHttp http = new RawHttp(titan.httpUri());
            assertThat(http.post("/netron/invoke", invoke("1", "calculator", "add", "[1,1]")).statusCode()).isEqualTo(200);
            assertThat(http.post("/netron/invoke", invoke("2", "calculator", "add", "[1,1]")).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = http.post("/netron/invoke", invoke("3", "calculator", "add", "[1,1]"));
            assertThat(limited.statusCode()).isEqualTo(429);
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(limited.headers().firstValue("X-RateLimit-Limit")).hasValue("2");
            assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
            long resetSeconds = Long.parseLong(limited.headers().firstValue("X-RateLimit-Reset").orElseThrow());
            assertThat(resetSeconds).isGreaterThan(System.currentTimeMillis() / 1000 - 1);
            JsonNode body = json(limited);
            assertThat(body.get("id").asText()).isEqualTo("3");
            assertThat(body.at("/error/code").asText()).isEqualTo("429");
            assertThat(body.at("/error/details/retryAfter").asLong()).isEqualTo(retryAfter);
            assertThat(body.at("/error/details/limit").asInt()).isEqualTo(2);
            assertThat(body.at("/error/details/remaining").asInt()).isZero();
            assertThat(body.at("/error/details/resetAt").isIntegralNumber()).isTrue();
        }
    }

    @Test
    void authenticationAttemptsAreRateLimitedLikeCalls() {
        try (Titan titan = Titan.builder().port(0).service(new CalculatorService()).authenticator(new Tokens())
                .rateLimit(2, Duration.ofSeconds(60)).build().start()) {
            RawHttp http = new RawHttp(titan.httpUri());
            String guess = "{\"id\":\"a\",\"credentials\":{\"token\":\"guess\"}}";
            assertThat(http.post("/netron/authenticate", guess).statusCode()).isEqualTo(200);
            assertThat(http.post("/netron/authenticate", guess).statusCode()).isEqualTo(200);
            HttpResponse<String> limited = http.post("/netron/authenticate", guess);
            assertThat(limited.statusCode()).as("guessing tokens is slowed down like any call").isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void rateLimitCountsEveryBatchItem() {
        try (Titan titan = Titan.builder().port(0).service(new CalculatorService()).rateLimit(2, Duration.ofSeconds(60)).build().start()) {
            String body = "{\"id\":\"b\",\"requests\":[" + invoke("1", "calculator", "add", "[1,1]") + ","
                    + invoke("2", "calculator", "add", "[1,1]") + "," + invoke("3", "calculator", "add", "[1,1]")
                    + "],\"options\":{\"parallel\":false}}";
            JsonNode json = json(new RawHttp(titan.httpUri()).post("/netron/batch", body));
            assertThat(json.at("/responses/2/error/code").asText()).isEqualTo("429");
            assertThat(json.at("/hints/successCount").asInt()).isEqualTo(2);
        }
    }

    @Test
    void drainingAnswers503WhileTheCallInFlightCompletes() throws Exception {
        Gate gate = new Gate();
        Titan titan = Titan.builder().port(0).service(new CalculatorService()).service(gate)
                .stopTimeout(Duration.ofSeconds(10)).build().start();
        RawHttp http = new RawHttp(titan.httpUri());
        CompletableFuture<HttpResponse<String>> inFlight = http.postAsync("/netron/invoke", invoke("slow", "gate", "pass", "[]"));
        assertThat(gate.entered.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(titan::stop);
        awaitDraining(http);
        HttpResponse<String> refused = http.post("/netron/invoke", invoke("late", "calculator", "add", "[1,1]"));
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json(refused).at("/error/code").asText()).isEqualTo("503");
        assertThat(http.post("/netron/batch", "{\"id\":\"b\",\"requests\":[]}").statusCode()).isEqualTo(503);
        assertThat(stopping).isNotDone();

        gate.open.countDown();
        HttpResponse<String> completed = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(completed.statusCode()).isEqualTo(200);
        assertThat(json(completed).get("data").asText()).isEqualTo("passed");
        stopping.get(10, TimeUnit.SECONDS);
    }

    @Test
    void requestWhoseBodyIsCutOffByShutdownIs503WithRetryAfter() throws Exception {
        Titan titan = Titan.builder().port(0).service(new CalculatorService()).stopTimeout(Duration.ofSeconds(10)).build().start();
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", titan.port())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            // Expect: 100-continue makes the server say when the handler starts reading the body: no guessing with sleeps.
            out.write(("POST /netron/invoke HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n"
                    + "Expect: 100-continue\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();
            assertThat(head(socket.getInputStream())).startsWith("HTTP/1.1 100");
            out.write("{\"id\":\"upload\",\"service\":".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.flush();

            CompletableFuture<Void> stopping = CompletableFuture.runAsync(titan::stop);
            String answer = head(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 503");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("retry-after: " + HttpEndpoint.RETRY_AFTER_STOPPING_SECONDS);
            stopping.get(15, TimeUnit.SECONDS);
        }
        // The handler was blocked reading the rest of the body when the server stopped under it.
        assertThat(awaitWarnings(jettyBlockerLog)).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .isEqualTo("Blocking.Shared incomplete");
    }

    /** The WARN events logged, waiting for the first: the handler thread may log after stop() returns. */
    private static List<ILoggingEvent> awaitWarnings(CapturedLog log) throws InterruptedException {
        List<ILoggingEvent> warnings = new ArrayList<>(log.take(Level.WARN));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (warnings.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
            warnings.addAll(log.take(Level.WARN));
        }
        return warnings;
    }

    /** A response's status line and headers. */
    private static String head(java.io.InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        for (int b; !head.toString().endsWith("\r\n\r\n") && (b = in.read()) != -1; ) {
            head.append((char) b);
        }
        return head.toString();
    }

    private static void awaitDraining(RawHttp http) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (http.get("/health").statusCode() != 503) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the server never started draining");
            }
            Thread.sleep(5);
        }
    }
}
