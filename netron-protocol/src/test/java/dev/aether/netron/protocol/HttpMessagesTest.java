package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.netron.protocol.http.BatchRequest;
import dev.aether.netron.protocol.http.CacheHints;
import dev.aether.netron.protocol.http.ETag;
import dev.aether.netron.protocol.http.HttpError;
import dev.aether.netron.protocol.http.InvokeRequest;
import dev.aether.netron.protocol.http.InvokeResponse;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.netron.protocol.http.ResponseHints;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The HTTP JSON messages: what a request means, and how a response is written. */
class HttpMessagesTest {

    private static InvokeRequest invoke(String input) {
        return NetronJson.readInvoke("{\"id\":\"1\",\"service\":\"s@1.0.0\",\"method\":\"m\",\"input\":" + input + "}");
    }

    @Test
    void anArrayInputIsTheArgumentList() {
        assertThat(invoke("[1,\"a\"]").arguments()).extracting(JsonNode::toString).containsExactly("1", "\"a\"");
    }

    @Test
    void anyOtherInputIsTheOneArgument() {
        assertThat(invoke("{\"a\":1}").arguments()).extracting(JsonNode::toString).containsExactly("{\"a\":1}");
    }

    @Test
    void aNullInputIsAOneArgumentNullAndAMissingOneNoArguments() {
        assertThat(invoke("null").arguments()).hasSize(1);
        assertThat(new InvokeRequest("1", "s", "m", null, null, null).arguments()).isEmpty();
    }

    @Test
    void batchItemsRunInParallelUnlessTheOptionsSayOtherwise() {
        assertThat(NetronJson.readBatch("{\"requests\":[]}").parallel()).isTrue();
        assertThat(NetronJson.readBatch("{\"requests\":[],\"options\":{}}").parallel()).isTrue();
        assertThat(NetronJson.readBatch("{\"requests\":[],\"options\":{\"parallel\":true}}").parallel()).isTrue();
        assertThat(NetronJson.readBatch("{\"requests\":[],\"options\":{\"parallel\":false}}").parallel()).isFalse();
    }

    @Test
    void batchesStopOnErrorOnlyWhenAsked() {
        assertThat(NetronJson.readBatch("{\"requests\":[]}").stopOnError()).isFalse();
        assertThat(NetronJson.readBatch("{\"requests\":[],\"options\":{}}").stopOnError()).isFalse();
        assertThat(NetronJson.readBatch("{\"requests\":[],\"options\":{\"stopOnError\":false}}").stopOnError()).isFalse();
        assertThat(NetronJson.readBatch("{\"requests\":[],\"options\":{\"stopOnError\":true}}").stopOnError()).isTrue();
        assertThat(new BatchRequest("b", List.of(), null, new BatchRequest.Options(null, true, null)).stopOnError()).isTrue();
    }

    @Test
    void aTokenIsTakenFromTheCredentialsOnlyWhenItIsAString() {
        assertThat(NetronJson.readAuthenticate("{\"credentials\":{\"token\":\"t-1\"}}").token()).hasValue("t-1");
        assertThat(NetronJson.readAuthenticate("{\"credentials\":{\"token\":7}}").token()).isEmpty();
        assertThat(NetronJson.readAuthenticate("{\"credentials\":{\"username\":\"a\"}}").token()).isEmpty();
        assertThat(NetronJson.readAuthenticate("{\"params\":[{\"token\":\"t-2\"}]}").token()).hasValue("t-2");
    }

    @Test
    void authenticationResultsSayWhetherTheySucceeded() {
        assertThat(AuthenticateResponse.Result.ok(null).success()).isTrue();
        AuthenticateResponse.Result rejected = AuthenticateResponse.Result.rejected("Invalid credentials");
        assertThat(rejected.success()).isFalse();
        assertThat(rejected.error()).isEqualTo("Invalid credentials");
        assertThat(NetronJson.write(rejected)).isEqualTo("{\"success\":false,\"error\":\"Invalid credentials\"}");
    }

    @Test
    void aSuccessfulResponseCarriesDataAndHints() {
        InvokeResponse ok = InvokeResponse.success("1", NetronJson.tree(List.of(1, 2)),
                new ResponseHints(new ResponseHints.Metrics(3), CacheHints.of(60_000, List.of("t"))));
        assertThat(NetronJson.write(ok)).isEqualTo(
                "{\"id\":\"1\",\"success\":true,\"data\":[1,2],\"hints\":{\"metrics\":{\"serverTime\":3},"
                        + "\"cache\":{\"maxAge\":60000,\"tags\":[\"t\"]}}}");
        assertThat(NetronJson.write(ResponseHints.timing(5))).isEqualTo("{\"metrics\":{\"serverTime\":5}}");
    }

    @Test
    void aFailedResponseCarriesTheError() {
        InvokeResponse failed = InvokeResponse.failure("2", HttpError.brief(new NetronException(404, "gone")));
        assertThat(NetronJson.write(failed)).isEqualTo("{\"id\":\"2\",\"success\":false,\"error\":{\"code\":\"404\",\"message\":\"gone\"}}");
    }

    @Test
    void datesAreWrittenAsJavaScriptsToIsoString() {
        assertThat(NetronJson.write(Instant.ofEpochMilli(1_700_000_000_000L))).isEqualTo("\"2023-11-14T22:13:20.000Z\"");
        assertThat(NetronJson.write(new Date(1_700_000_000_001L))).isEqualTo("\"2023-11-14T22:13:20.001Z\"");
    }

    record Book(String title, int pages) {
    }

    @Test
    void aJsonTreeConvertsToAJavaType() {
        JsonNode tree = NetronJson.tree(new Book("Dune", 412));
        assertThat(NetronJson.convert(tree, Book.class)).isEqualTo(new Book("Dune", 412));
    }

    @Test
    void aTreeThatDoesNotFitIs400() {
        NetronException e = org.assertj.core.api.Assertions.catchThrowableOfType(NetronException.class,
                () -> NetronJson.convert(NetronJson.parse("{\"pages\":\"many\"}"), Book.class));
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Invalid value for Book");
    }

    @Test
    void anEtagMatchesIfNoneMatchWeaklyOrByStar() {
        String tag = ETag.of("[1]");
        assertThat(ETag.matches(tag, tag)).isTrue();
        assertThat(ETag.matches("\"x\", " + tag.substring(2), tag)).isTrue();
        assertThat(ETag.matches("*", tag)).isTrue();
        assertThat(ETag.matches("W/\"x\", W/\"y\"", tag)).isFalse();
        assertThat(ETag.matches(null, tag)).isFalse();
    }
}
