package dev.aether.titan.http;

import dev.aether.titan.fixtures.Tokens;
import static dev.aether.titan.http.RawHttp.invoke;
import static dev.aether.titan.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.titan.Titan;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.testing.CapturedLog;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The HTTP wire contract (netron-wire.md §3) as any non-Java caller sees it: raw JSON over HTTP. */
class HttpInteropTest {
    private static final String CALC = "calculator@1.0.0";
    private static final String ORIGIN = "https://app.example";

    private static Titan titan;
    private static RawHttp http;

    @RegisterExtension
    final CapturedLog dispatcherLog = CapturedLog.of(Dispatcher.class);

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new CalculatorService()).authenticator(new Tokens())
                .metricsToken("scrape-me").maxBodyBytes(64 * 1024).allowedOrigins(ORIGIN)
                .requestTimeout(Duration.ofSeconds(5)).build().start();
        http = new RawHttp(titan.httpUri());
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    // --- invoke ---

    @Test
    void invokeAnswersTheResultInTheSuccessShape() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r1", CALC, "add", "[2,3]"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store, no-cache, must-revalidate");
        JsonNode body = json(response);
        assertThat(body.get("id").asText()).isEqualTo("r1");
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(body.get("data").asInt()).isEqualTo(5);
        assertThat(body.at("/hints/metrics/serverTime").isIntegralNumber()).isTrue();
        assertThat(body.has("error")).isFalse();
    }

    @Test
    void bareServiceNameResolvesToTheHighestVersion() {
        assertThat(json(http.post("/netron/invoke", invoke("r2", "calculator", "add", "[1,1]"))).get("data").asInt()).isEqualTo(2);
    }

    @Test
    void nonArrayInputIsPassedAsTheOneArgumentAndVoidResultOmitsData() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r3", CALC, "sleep", "1"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).has("data")).isFalse();
    }

    @Test
    void unknownServiceIs404WithTheServiceInDetails() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r4", "nope@1.0.0", "add", "[]"));
        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode body = json(response);
        assertThat(body.get("id").asText()).isEqualTo("r4");
        assertThat(body.get("success").asBoolean()).isFalse();
        assertThat(body.at("/error/code").asText()).isEqualTo("404");
        assertThat(body.at("/error/message").asText()).isNotBlank();
        assertThat(body.at("/error/details/serviceId").asText()).isEqualTo("nope@1.0.0");
        assertThat(response.headers().firstValue("X-Netron-Error")).hasValue("ServiceNotFoundError");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store, no-cache, must-revalidate");
    }

    @Test
    void unknownMethodIs404() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r5", CALC, "deleteAll", "[]"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/details/methodName").asText()).isEqualTo("deleteAll");
        assertThat(response.headers().firstValue("X-Netron-Error")).hasValue("MethodNotFoundError");
    }

    @Test
    void methodWithoutPublicIs404LikeAnUnknownOne() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r6", CALC, "notExposed", "[]"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("404");
    }

    @Test
    void wrongArgumentCountIs400() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r7", CALC, "add", "[1]"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/details/expected").asInt()).isEqualTo(2);
    }

    @Test
    void wrongArgumentTypeIs400() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r8", CALC, "add", "[\"two\",{\"x\":1}]"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("400");
    }

    @Test
    void serviceErrorKeepsItsStatusAndDetails() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r9", CALC, "divide", "[1,0]"));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Division by zero");
        assertThat(json(response).at("/error/details/field").asText()).isEqualTo("b");
    }

    @Test
    void unexpectedServiceExceptionIsAnOpaque500() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("r10", CALC, "crash", "[]"));
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("internal detail");
        String errorId = json(response).at("/error/details/errorId").asText();
        assertThat(errorId).isNotBlank();
        assertThat(dispatcherLog.take(Level.ERROR)).singleElement().satisfies(logged -> {   // the detail is in the log only
            assertThat(logged.getFormattedMessage()).isEqualTo("call calculator@1.0.0.crash failed (errorId " + errorId + ")");
            assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("internal detail that must not leak");
        });
    }

    @Test
    void invalidJsonIs400AnsweredWithTheRequestIdHeader() {
        HttpResponse<String> response = http.post("/netron/invoke", "{\"id\": \"req-7\", \"service\": ", "X-Request-ID", "rid-400-json");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("rid-400-json");
        JsonNode body = json(response);
        assertThat(body.get("id").asText()).isEqualTo("rid-400-json");
        assertThat(body.at("/error/message").asText()).isEqualTo("Invalid JSON");
        assertThat(body.at("/error/details").isObject()).isTrue();
    }

    @Test
    void badShapeIs400InvalidRequestFormat() {
        HttpResponse<String> response = http.post("/netron/invoke", "{\"id\":\"req-8\",\"service\":\"calculator\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid request format");
    }

    @Test
    void bodyOverTheLimitIs413() {
        String padding = "x".repeat(70 * 1024);
        HttpResponse<String> response = http.post("/netron/invoke", invoke("big", CALC, "add", "[\"" + padding + "\", 1]"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("413");
    }

    @Test
    void hintsTimeoutOverridesTheServerTimeout() {
        String body = "{\"id\":\"t1\",\"service\":\"calculator\",\"method\":\"sleep\",\"input\":[3000],\"hints\":{\"timeout\":100}}";
        HttpResponse<String> response = http.post("/netron/invoke", body);
        assertThat(response.statusCode()).isEqualTo(408);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("408");
    }

    @Test
    void unknownRouteIs404NotFound() {
        HttpResponse<String> response = http.post("/netron/nothing", "{}", "X-Request-ID", "rid-404-route");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("id").asText()).isEqualTo("rid-404-route");
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Not found");
    }

    @Test
    void wrongHttpMethodIs405WithAllow() {
        HttpResponse<String> response = http.get("/netron/invoke");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, OPTIONS");
    }

    // --- authentication on every request ---

    @Test
    void anonymousCallToARoleProtectedMethodIs401WithWwwAuthenticate() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("a1", CALC, "secret", "[]"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void bearerTokenWithoutTheRoleIs403() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("a2", CALC, "secret", "[]"),
                "Authorization", "Bearer " + Tokens.USER);
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void bearerTokenWithTheRoleCallsTheMethod() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("a3", CALC, "secret", "[]"),
                "Authorization", "Bearer " + Tokens.ADMIN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("data").asText()).isEqualTo("42");
    }

    @Test
    void invalidBearerTokenIs401EvenForAnOpenMethod() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("a4", CALC, "add", "[1,2]"),
                "Authorization", "Bearer forged");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    // --- batch ---

    @Test
    void batchAnswers200WithEachItemInRequestOrder() {
        String body = "{\"id\":\"batch-1\",\"requests\":["
                + invoke("b1", CALC, "add", "[1,2]") + ","
                + invoke("b2", CALC, "deleteAll", "[]") + ","
                + invoke("b3", "nope@1.0.0", "add", "[1]") + ","
                + invoke("b4", CALC, "notExposed", "[]") + ","
                + invoke("b5", "calculator", "add", "[2,2]") + "]}";
        HttpResponse<String> response = http.post("/netron/batch", body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = json(response);
        assertThat(json.get("id").asText()).isEqualTo("batch-1");
        JsonNode items = json.get("responses");
        assertThat(items).hasSize(5);
        assertThat(items.get(0).get("data").asInt()).isEqualTo(3);
        assertThat(items.get(1).at("/error/code").asText()).isEqualTo("404");
        assertThat(items.get(1).get("error").has("details")).isFalse();
        assertThat(items.get(2).at("/error/code").asText()).isEqualTo("404");
        assertThat(items.get(3).at("/error/code").asText()).isEqualTo("404");
        assertThat(items.get(4).get("data").asInt()).isEqualTo(4);
        assertThat(json.at("/hints/successCount").asInt()).isEqualTo(2);
        assertThat(json.at("/hints/failureCount").asInt()).isEqualTo(3);
        assertThat(json.at("/hints/totalTime").isIntegralNumber()).isTrue();
    }

    @Test
    void batchChecksAccessForEveryItem() {
        String body = "{\"id\":\"batch-auth\",\"requests\":["
                + invoke("ok", CALC, "add", "[1,2]") + ","
                + invoke("denied", CALC, "secret", "[]") + "]}";
        JsonNode anonymous = json(http.post("/netron/batch", body)).get("responses");
        assertThat(anonymous.get(0).get("success").asBoolean()).isTrue();
        assertThat(anonymous.get(1).at("/error/code").asText()).isEqualTo("401");
        JsonNode user = json(http.post("/netron/batch", body, "Authorization", "Bearer " + Tokens.USER)).get("responses");
        assertThat(user.get(0).get("success").asBoolean()).isTrue();
        assertThat(user.get(1).at("/error/code").asText()).isEqualTo("403");
        JsonNode admin = json(http.post("/netron/batch", body, "Authorization", "Bearer " + Tokens.ADMIN)).get("responses");
        assertThat(admin.get(1).get("data").asText()).isEqualTo("42");
    }

    @Test
    void batchAppliesTheTimeoutToEachItem() {
        String body = "{\"id\":\"batch-t\",\"requests\":["
                + "{\"id\":\"slow\",\"service\":\"calculator\",\"method\":\"sleep\",\"input\":[3000],\"hints\":{\"timeout\":100}},"
                + invoke("fast", CALC, "add", "[1,1]") + "]}";
        JsonNode items = json(http.post("/netron/batch", body)).get("responses");
        assertThat(items.get(0).at("/error/code").asText()).isEqualTo("408");
        assertThat(items.get(1).get("data").asInt()).isEqualTo(2);
    }

    @Test
    void batchValidatesArgumentsOfEveryItem() {
        String body = "{\"id\":\"batch-v\",\"requests\":[" + invoke("bad", CALC, "add", "[1]") + "]}";
        assertThat(json(http.post("/netron/batch", body)).at("/responses/0/error/code").asText()).isEqualTo("400");
    }

    @Test
    void sequentialBatchWithStopOnErrorStopsAfterTheFirstFailure() {
        String body = "{\"id\":\"batch-2\",\"requests\":["
                + invoke("s1", CALC, "add", "[1,1]") + ","
                + invoke("s2", CALC, "divide", "[1,0]") + ","
                + invoke("s3", CALC, "add", "[2,2]") + "],\"options\":{\"parallel\":false,\"stopOnError\":true}}";
        JsonNode json = json(http.post("/netron/batch", body));
        assertThat(json.get("responses")).hasSize(2);
        assertThat(json.at("/responses/1/error/code").asText()).isEqualTo("422");
        assertThat(json.at("/hints/successCount").asInt()).isEqualTo(1);
        assertThat(json.at("/hints/failureCount").asInt()).isEqualTo(1);
    }

    @Test
    void batchWithMaxConcurrencyOneRunsItemsOneAtATime() {
        String body = "{\"id\":\"batch-c\",\"requests\":["
                + invoke("c1", CALC, "sleep", "[150]") + "," + invoke("c2", CALC, "sleep", "[150]")
                + "],\"options\":{\"maxConcurrency\":1}}";
        JsonNode json = json(http.post("/netron/batch", body));
        assertThat(json.at("/hints/successCount").asInt()).isEqualTo(2);
        assertThat(json.at("/hints/totalTime").asLong()).isGreaterThanOrEqualTo(300);
    }

    @Test
    void batchItemWithABadShapeFailsAlone() {
        String body = "{\"id\":\"batch-s\",\"requests\":[{\"id\":\"x\",\"service\":\"calculator\"}," + invoke("y", CALC, "add", "[1,1]") + "]}";
        JsonNode items = json(http.post("/netron/batch", body)).get("responses");
        assertThat(items.get(0).at("/error/message").asText()).isEqualTo("Invalid request format");
        assertThat(items.get(1).get("data").asInt()).isEqualTo(2);
    }

    @Test
    void batchWithoutARequestsArrayIs400() {
        HttpResponse<String> response = http.post("/netron/batch", "{\"id\":\"batch-3\"}", "X-Request-ID", "rid-400-batch");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("id").asText()).isEqualTo("rid-400-batch");
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Invalid batch request format");
    }

    // --- authenticate ---

    @Test
    void authenticateValidatesAToken() {
        HttpResponse<String> response = http.post("/netron/authenticate", "{\"id\":\"auth-1\",\"credentials\":{\"token\":\"admin-token\"}}");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("id").asText()).isEqualTo("auth-1");
        assertThat(body.at("/result/success").asBoolean()).isTrue();
        assertThat(body.at("/result/context/userId").asText()).isEqualTo("admin-1");
        assertThat(body.at("/result/context/roles/0").asText()).isEqualTo("admin");
    }

    @Test
    void authenticateWithParamsCredentialsReturnsTheIssuedToken() {
        HttpResponse<String> response = http.post("/netron/authenticate",
                "{\"id\":\"auth-2\",\"params\":[{\"username\":\"alice\",\"password\":\"secret\"}]}");
        JsonNode body = json(response);
        assertThat(body.at("/result/context/userId").asText()).isEqualTo("alice");
        assertThat(body.at("/result/context/metadata/token").asText()).isEqualTo(Tokens.ADMIN);
    }

    @Test
    void authenticateWithABadTokenIs200WithSuccessFalse() {
        HttpResponse<String> response = http.post("/netron/authenticate", "{\"id\":\"auth-3\",\"credentials\":{\"token\":\"bad\"}}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("result").toString()).isEqualTo("{\"success\":false,\"error\":\"Invalid token\"}");
    }

    @Test
    void authenticateWithoutCredentialsIs400() {
        HttpResponse<String> response = http.post("/netron/authenticate", "{\"id\":\"auth-4\"}", "X-Request-ID", "rid-auth-400");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("id").asText()).isEqualTo("rid-auth-400");
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Missing credentials parameter");
    }

    @Test
    void authenticateWithoutAnAuthenticatorIs503() {
        try (Titan bare = Titan.builder().port(0).service(new CalculatorService()).build().start()) {
            HttpResponse<String> response = new RawHttp(bare.httpUri()).post("/netron/authenticate",
                    "{\"id\":\"auth-5\",\"credentials\":{\"token\":\"admin-token\"}}");
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(json(response).at("/error/message").asText()).isEqualTo("Authentication not configured");
        }
    }

    // --- query_interface (our extension) ---

    @Test
    void queryInterfaceAnswersTheDefinitionTheCallerMaySee() {
        JsonNode anonymous = json(http.post("/netron/query_interface", "{\"id\":\"q1\",\"service\":\"calculator\"}"));
        assertThat(anonymous.at("/data/meta/name").asText()).isEqualTo("calculator");
        assertThat(anonymous.at("/data/meta/methods").has("add")).isTrue();
        assertThat(anonymous.at("/data/meta/methods").has("secret")).isFalse();
    }

    // --- health, metrics ---

    @Test
    void healthIsOnline() {
        HttpResponse<String> response = http.get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"online\"}");
    }

    @Test
    void metricsWithoutATokenIs401WithWwwAuthenticate() {
        HttpResponse<String> response = http.get("/metrics");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void metricsWithAWrongTokenIs401() {
        assertThat(http.get("/metrics", "Authorization", "Bearer nope").statusCode()).isEqualTo(401);
    }

    @Test
    void metricsWithTheTokenServePrometheusText() {
        http.post("/netron/invoke", invoke("m1", CALC, "add", "[1,2]"));
        HttpResponse<String> response = http.get("/metrics", "Authorization", "Bearer scrape-me");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(response.body()).contains("netron_calls_seconds_count{").contains("service=\"calculator@1.0.0\"");
    }

    @Test
    void metricsStayClosedWhenNoTokenIsConfigured() {
        try (Titan open = Titan.builder().port(0).service(new CalculatorService()).build().start()) {
            HttpResponse<String> response = new RawHttp(open.httpUri()).get("/metrics", "Authorization", "Bearer anything");
            assertThat(response.statusCode()).isEqualTo(401);
        }
    }

    // --- CORS ---

    @Test
    void preflightFromAnAllowedOriginIs204WithTheCorsHeaders() {
        HttpResponse<String> response = http.options("/netron/invoke", "Origin", ORIGIN, "Access-Control-Request-Method", "POST");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
        assertThat(response.headers().firstValue("Access-Control-Allow-Methods")).hasValue("GET, POST, PUT, DELETE, PATCH, OPTIONS");
        assertThat(response.headers().firstValue("Access-Control-Allow-Headers").orElseThrow()).contains("Content-Type", "Authorization");
        assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("86400");
    }

    @Test
    void preflightFromAnotherOriginIs403() {
        HttpResponse<String> response = http.options("/netron/invoke", "Origin", "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void callFromAnAllowedOriginCarriesAllowOrigin() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("o1", CALC, "add", "[1,2]"), "Origin", ORIGIN);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ORIGIN);
    }

    @Test
    void callFromAnotherOriginIsRefusedBeforeItRuns() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("o2", CALC, "add", "[1,2]"), "Origin", "https://evil.example");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    // --- tracing headers ---

    @Test
    void tracingHeadersAreEchoed() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("h1", CALC, "add", "[1,2]"),
                "X-Request-ID", "rid-1", "X-Correlation-ID", "cor-1", "X-Trace-ID", "trace-1", "X-Span-ID", "span-1");
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("rid-1");
        assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue("cor-1");
        assertThat(response.headers().firstValue("X-Trace-ID")).hasValue("trace-1");
        assertThat(response.headers().firstValue("X-Span-ID")).hasValue("span-1");
    }

    @Test
    void tracingHeadersAreGeneratedWhenAbsent() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("h2", CALC, "add", "[1,2]"));
        String requestId = response.headers().firstValue("X-Request-ID").orElseThrow();
        assertThat(requestId).matches("\\d+-[0-9a-z]+");
        assertThat(response.headers().firstValue("X-Correlation-ID")).hasValue(requestId);
        assertThat(response.headers().firstValue("X-Trace-ID").orElseThrow()).matches("[0-9a-f]{32}");
        assertThat(response.headers().firstValue("X-Span-ID").orElseThrow()).matches("[0-9a-f]{16}");
    }
}
