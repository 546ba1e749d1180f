package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.netron.protocol.http.BatchResponse;
import dev.aether.netron.protocol.http.ETag;
import dev.aether.netron.protocol.http.InvokeResponse;
import dev.aether.netron.protocol.http.NetronJson;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * http.json: request bodies read into the records (or fail with the recorded 400 message) and
 * write back to the same text; response bodies read into the records and write back byte for byte.
 */
class HttpVectorsTest {

    static Stream<Arguments> vectors() {
        return Vectors.entries("http.json").stream().map(e -> Arguments.of(Named.of(e.get("name").asText(), e)));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void requestBodyReadsAndWritesBack(JsonNode entry) {
        String path = entry.get("request").get("path").asText();
        String body = entry.get("request").get("body").asText();
        JsonNode response = entry.get("response");
        boolean rejected = response.get("status").asInt() == 400;
        Object parsed;
        switch (path) {
            case "/netron/invoke" -> {
                if (rejected) {
                    expect400(() -> NetronJson.readInvoke(body), response);
                    return;
                }
                parsed = NetronJson.readInvoke(body);
            }
            case "/netron/batch" -> {
                if (rejected) {
                    expect400(() -> NetronJson.readBatch(body), response);
                    return;
                }
                parsed = NetronJson.readBatch(body);
            }
            case "/netron/authenticate" -> {
                if (rejected) {
                    expect400(() -> NetronJson.readAuthenticate(body), response);
                    return;
                }
                parsed = NetronJson.readAuthenticate(body);
            }
            default -> {
                return; // route_not_found: no message shape to read
            }
        }
        assertThat(NetronJson.write(parsed)).isEqualTo(body);
    }

    private static void expect400(Runnable read, JsonNode response) {
        NetronException e = catchThrowableOfType(NetronException.class, read::run);
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(response.get("json").get("error").get("message").asText());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void responseBodyReadsAndWritesBackExactly(JsonNode entry) throws Exception {
        String body = entry.get("response").get("body").asText();
        if (body.isEmpty()) return; // 304: no body
        JsonNode json = Vectors.JSON.readTree(body);
        Class<?> type = json.has("result") ? AuthenticateResponse.class
                : json.has("responses") ? BatchResponse.class : InvokeResponse.class;
        Object parsed = NetronJson.mapper().readValue(body, type);
        assertThat(NetronJson.write(parsed)).isEqualTo(body);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void cacheableResultsCarryTheReferenceETag(JsonNode entry) throws Exception {
        String etag = entry.get("response").get("headers").path("etag").asText(null);
        if (etag == null || entry.get("response").get("body").asText().isEmpty()) return;
        InvokeResponse r = NetronJson.mapper().readValue(entry.get("response").get("body").asText(), InvokeResponse.class);
        assertThat(ETag.of(NetronJson.write(r.data()))).isEqualTo(etag);
        assertThat(ETag.matches(etag, etag)).isTrue();
        assertThat(ETag.matches("\"x\", " + etag.substring(2), etag)).isTrue();
        assertThat(ETag.matches("*", etag)).isTrue();
        assertThat(ETag.matches("W/\"0\"", etag)).isFalse();
    }

    @SuppressWarnings("unused")
    private static final Map<String, String> NOTE = Map.of(
            "measuredFields", "serverTime/totalTime are recorded as 0 in the bodies, so text equality holds");
}
