package dev.aether.titan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.fixtures.Signup;
import dev.aether.titan.fixtures.SignupService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bean Validation of service arguments, before the method runs, on every transport: HTTP invoke,
 * each batch item, the WebSocket and in process. Violations answer 422 with their paths and messages.
 */
class ArgumentValidationTest {
    private static final String BAD_ACCOUNT = "{\"name\":\"\",\"email\":\"not-an-address\"}";
    private static SignupService service;
    private static Titan titan;

    @BeforeAll
    static void start() {
        service = new SignupService();
        titan = Titan.builder().port(0).service(service).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    @BeforeEach
    void resetCount() {
        service.ran.set(0);
    }

    @Test
    void httpInvokeWithViolationsIs422ListingEachPathAndMessage() throws Exception {
        HttpResponse<String> response = post("/netron/invoke",
                "{\"id\":\"r\",\"service\":\"signup\",\"method\":\"register\",\"input\":[" + BAD_ACCOUNT + "]}");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode violations = NetronJson.parse(response.body()).at("/error/details/violations");
        assertThat(violations).hasSize(2);
        assertThat(violations.get(0).get("path").asText()).isEqualTo("account.email");
        assertThat(violations.get(0).get("message").asText()).isEqualTo("must be a well-formed email address");
        assertThat(violations.get(1).get("path").asText()).isEqualTo("account.name");
        assertThat(violations.get(1).get("message").asText()).isEqualTo("must not be blank");
        assertThat(service.ran).hasValue(0);
    }

    @Test
    void oversizedValuesAreRefusedBeforeTheMethodRuns() throws Exception {
        String huge = "x".repeat(10_000) + "@example.com";
        HttpResponse<String> response = post("/netron/invoke",
                "{\"id\":\"r\",\"service\":\"signup\",\"method\":\"register\",\"input\":[{\"name\":\"Ada\",\"email\":\"" + huge + "\"}]}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(NetronJson.parse(response.body()).at("/error/details/violations/0/path").asText()).isEqualTo("account.email");
        assertThat(service.ran).hasValue(0);
    }

    @Test
    void constraintsOnCollectionsAndTheirElementsAreChecked() throws Exception {
        HttpResponse<String> response = post("/netron/invoke",
                "{\"id\":\"t\",\"service\":\"signup\",\"method\":\"tag\",\"input\":[[\"ok\",\"much-too-long-tag\"]]}");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(NetronJson.parse(response.body()).at("/error/details/violations/0/path").asText()).startsWith("tags[1]");
    }

    @Test
    void eachBatchItemIsValidated() throws Exception {
        HttpResponse<String> response = post("/netron/batch", "{\"id\":\"b\",\"requests\":["
                + "{\"id\":\"1\",\"service\":\"signup\",\"method\":\"register\",\"input\":[" + BAD_ACCOUNT + "]},"
                + "{\"id\":\"2\",\"service\":\"signup\",\"method\":\"register\",\"input\":[{\"name\":\"Ada\",\"email\":\"ada@example.com\"}]}]}");
        JsonNode batch = NetronJson.parse(response.body());
        assertThat(batch.at("/responses/0/error/code").asText()).isEqualTo("422");
        assertThat(batch.at("/responses/1/data").asText()).isEqualTo("welcome Ada");
        assertThat(service.ran).hasValue(1);
    }

    @Test
    void webSocketCallsAreValidated() {
        try (NetronClient client = NetronClient.websocket(titan.webSocketUri())) {
            NetronException error = catchThrowableOfType(NetronException.class,
                    () -> client.service(Signup.class).register(new Signup.Account("Ada", "nope")));
            assertThat(error.code()).isEqualTo(422);
            assertThat(violationPaths(error)).containsExactly("account.email");
        }
        assertThat(service.ran).hasValue(0);
    }

    @Test
    void inProcessCallsAreValidated() {
        NetronException error = catchThrowableOfType(NetronException.class,
                () -> titan.client().service(Signup.class).tag(List.of("a", "b", "c", "d")));
        assertThat(error.code()).isEqualTo(422);
        assertThat(violationPaths(error)).containsExactly("tags");
        assertThat(service.ran).hasValue(0);
    }

    @Test
    void validArgumentsReachTheMethod() {
        assertThat(titan.client().service(Signup.class).register(new Signup.Account("Ada", "ada@example.com"))).isEqualTo("welcome Ada");
    }

    private static List<Object> violationPaths(NetronException error) {
        return ((List<?>) error.details().get("violations")).stream().map(v -> ((Map<?, ?>) v).get("path")).map(Object.class::cast).toList();
    }

    private static HttpResponse<String> post(String path, String json) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(titan.httpUri() + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
