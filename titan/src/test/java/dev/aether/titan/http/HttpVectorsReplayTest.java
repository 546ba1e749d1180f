package dev.aether.titan.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.titan.Authenticator;
import dev.aether.titan.Principal;
import dev.aether.titan.Titan;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.testing.CapturedLog;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays the TypeScript reference's recorded requests (netron-protocol/src/test/resources/netron-vectors/http.json) against
 * Titan and checks each answer has the recorded status, the recorded headers and the same JSON
 * shape: the same keys with the same kinds of values. Messages and ids of generated values may
 * differ; {@code error.details} may carry more keys (our not-found extension).
 */
class HttpVectorsReplayTest {
    private static Titan titan;
    private static Titan withoutAuth;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LOGGED_ERROR_ID = Pattern.compile("failed \\(errorId ([^)]+)\\)");

    @RegisterExtension
    final CapturedLog dispatcherLog = CapturedLog.of(Dispatcher.class);

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new Users()).authenticator(new ReferenceTokens()).build().start();
        withoutAuth = Titan.builder().port(0).service(new Users()).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
        withoutAuth.stop();
    }

    static Stream<Arguments> vectors() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        new ObjectMapper().readTree(vectorsFile()).forEach(all::add);
        return all.stream().map(v -> Arguments.of(v.get("name").asText(), v));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void answersWithTheRecordedStatusHeadersAndShape(String name, JsonNode vector) throws Exception {
        JsonNode request = vector.get("request");
        Titan server = name.equals("authenticate_not_configured") ? withoutAuth : titan;
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.httpUri().resolve(request.get("path").asText()))
                .method(request.get("method").asText(), HttpRequest.BodyPublishers.ofString(request.get("body").asText()));
        request.get("headers").properties().forEach(h -> builder.header(h.getKey(), h.getValue().asText()));
        HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());

        JsonNode expected = vector.get("response");
        assertThat(response.statusCode()).isEqualTo(expected.get("status").asInt());
        expected.get("headers").properties().forEach(h ->
                assertThat(response.headers().firstValue(h.getKey())).as(h.getKey()).hasValue(h.getValue().asText()));
        if (expected.get("body").asText().isEmpty()) {
            assertThat(response.body()).as("body").isEmpty();
        }
        if (expected.hasNonNull("json")) {
            JsonNode actual = new ObjectMapper().readTree(response.body());
            assertSameShape(actual, expected.get("json"), "$");
        }
        assertEveryOpaqueErrorIsLoggedUnderItsId(response.body());
    }

    /**
     * Each crash (an opaque 500) is logged once by the dispatcher with an errorId, and an errorId the
     * client is given is the one logged. (A batch item's error carries no details, so no id.)
     */
    private void assertEveryOpaqueErrorIsLoggedUnderItsId(String body) throws IOException {
        JsonNode answer = body.isBlank() ? new ObjectMapper().createObjectNode() : new ObjectMapper().readTree(body);
        long crashes = answer.findValues("code").stream().filter(code -> code.asText().equals("500")).count();
        List<String> loggedIds = dispatcherLog.take(Level.ERROR).stream().map(ILoggingEvent::getFormattedMessage)
                .map(LOGGED_ERROR_ID::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
        assertThat(loggedIds).as("error ids logged by the dispatcher").hasSize((int) crashes)
                .containsAll(answer.findValuesAsText("errorId"));
    }

    private static void assertSameShape(JsonNode actual, JsonNode expected, String path) {
        assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
        if (expected.isObject()) {
            List<String> actualKeys = names(actual.fieldNames());
            List<String> expectedKeys = names(expected.fieldNames());
            if (path.endsWith(".details")) {
                assertThat(actualKeys).as(path).containsAll(expectedKeys);
            } else {
                assertThat(actualKeys).as(path).containsExactlyElementsOf(expectedKeys);
            }
            expectedKeys.forEach(k -> assertSameShape(actual.get(k), expected.get(k), path + "." + k));
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameShape(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        }
    }

    private static List<String> names(Iterator<String> names) {
        List<String> out = new ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    /** The recording, copied into the repository beside the other golden vectors (see their README). */
    private static java.io.InputStream vectorsFile() {
        java.io.InputStream in = HttpVectorsReplayTest.class.getResourceAsStream("/netron-vectors/http.json");
        if (in == null) throw new IllegalStateException("netron-vectors/http.json missing from the test class path");
        return in;
    }

    /** The reference recording's authentication manager. */
    private static final class ReferenceTokens implements Authenticator {
        @Override
        public Optional<Principal> authenticate(Map<String, Object> credentials) {
            return "alice".equals(credentials.get("username")) && "secret".equals(credentials.get("password"))
                    ? Optional.of(new Principal("u-1", Set.of("admin"), Set.of("users:read", "users:write"), Set.of(), Map.of()))
                    : Optional.empty();
        }

        @Override
        public Optional<Principal> validateToken(String token) {
            return "good-token".equals(token)
                    ? Optional.of(new Principal("u-1", Set.of("admin"), Set.of("users:read"), Set.of("api"), Map.of()))
                    : Optional.empty();
        }
    }
}
