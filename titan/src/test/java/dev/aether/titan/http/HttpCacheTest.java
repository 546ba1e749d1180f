package dev.aether.titan.http;

import static dev.aether.titan.http.RawHttp.invoke;
import static dev.aether.titan.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.ETag;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.Cacheable;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.Tokens;
import dev.aether.titan.service.ServiceModel;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code @Cacheable} methods over {@code POST /netron/invoke} (netron-wire.md §3, "Cacheable methods"). */
class HttpCacheTest {
    private static final String NO_STORE = "no-store, no-cache, must-revalidate";
    private static final String CATALOG = "catalog@1.0.0";

    private static Titan titan;
    private static RawHttp http;

    /** A cacheable method with settings, one with the defaults, a failing one and a plain one. */
    @Service("catalog@1.0.0")
    public static final class Catalog {
        public record Item(int id, String name) {
        }

        @Public
        @Cacheable(maxAge = 90_500, tags = {"items", "items:one"})
        public Item item(int id) {
            return new Item(id, "item-" + id);
        }

        @Public
        @Cacheable
        public int size() {
            return 7;
        }

        @Public
        @Cacheable(tags = "items")
        public Item missing() {
            throw new NetronException(409, "Gone", Map.of());
        }

        @Public
        @Cacheable(maxAge = 3_600_000, shared = true)
        public Item featured() {
            return new Item(3, "item-3");
        }

        @Public
        public Item plain() {
            return new Item(1, "item-1");
        }
    }

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new Catalog()).authenticator(new Tokens()).build().start();
        http = new RawHttp(titan.httpUri());
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static HttpResponse<String> item(int id, String... headers) {
        return http.post("/netron/invoke", invoke("r" + id, CATALOG, "item", "[" + id + "]"), headers);
    }

    private static String etag(HttpResponse<String> response) {
        return response.headers().firstValue("ETag").orElseThrow();
    }

    @Test
    void cacheableResultCarriesCacheHeaders() {
        HttpResponse<String> response = item(1);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=90");
        assertThat(response.headers().firstValue("X-Cache-Tags")).hasValue("items,items:one");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    }

    private static HttpResponse<String> featured(String... headers) {
        return http.post("/netron/invoke", invoke("f", CATALOG, "featured", "[]"), headers);
    }

    @Test
    void resultForAnAuthenticatedCallerIsPrivateAndVariesByAuthorization() {
        HttpResponse<String> response = item(1, "Authorization", "Bearer " + Tokens.USER);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=90");
        assertThat(response.headers().firstValue("Vary")).hasValue("Authorization");
    }

    @Test
    void resultForAnAnonymousCallerIsPrivateAndVariesByAuthorizationToo() {
        // The same URL answers differently once a token is sent: even the anonymous answer must not reach a shared cache.
        HttpResponse<String> response = item(1);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=90");
        assertThat(response.headers().firstValue("Vary")).hasValue("Authorization");
    }

    @Test
    void sharedResultIsPublicForAnAuthenticatedCaller() {
        HttpResponse<String> response = featured("Authorization", "Bearer " + Tokens.USER);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(response.headers().firstValue("Vary")).isEmpty();
    }

    @Test
    void sharedResultIsPublicForAnAnonymousCaller() {
        HttpResponse<String> response = featured();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        assertThat(response.headers().firstValue("Vary")).isEmpty();
    }

    @Test
    void notModifiedAnswerKeepsPrivateAndVary() {
        String tag = etag(item(1, "Authorization", "Bearer " + Tokens.USER));
        HttpResponse<String> response = item(1, "Authorization", "Bearer " + Tokens.USER, "If-None-Match", tag);
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=90");
        assertThat(response.headers().firstValue("Vary")).hasValue("Authorization");
    }

    @Test
    void notModifiedAnswerOfASharedResultStaysPublic() {
        HttpResponse<String> response = featured("Authorization", "Bearer " + Tokens.USER, "If-None-Match", etag(featured()));
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
    }

    @Test
    void etagIsTheReferenceWeakTagOverTheJsonResult() {
        HttpResponse<String> response = item(1);
        assertThat(etag(response)).isEqualTo(ETag.of("{\"id\":1,\"name\":\"item-1\"}")).startsWith("W/\"");
    }

    @Test
    void cacheableResultCarriesCacheHints() {
        JsonNode body = json(item(1));
        assertThat(body.get("success").asBoolean()).isTrue();
        assertThat(NetronJson.write(body.at("/hints/cache"))).isEqualTo("{\"maxAge\":90500,\"tags\":[\"items\",\"items:one\"]}");
        assertThat(body.at("/hints/metrics/serverTime").isIntegralNumber()).isTrue();
    }

    @Test
    void defaultsAreFiveMinutesAndNoTags() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("s", CATALOG, "size", "[]"));
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=300");
        assertThat(response.headers().firstValue("X-Cache-Tags")).isEmpty();
        assertThat(NetronJson.write(json(response).at("/hints/cache"))).isEqualTo("{\"maxAge\":300000,\"tags\":[]}");
    }

    @Test
    void etagIsStableForEqualResults() {
        // Different request ids and timings: the tag covers the result only.
        assertThat(etag(http.post("/netron/invoke", invoke("a", CATALOG, "item", "[1]"))))
                .isEqualTo(etag(http.post("/netron/invoke", invoke("b", CATALOG, "item", "[1]"))));
    }

    @Test
    void etagDiffersForDifferentResults() {
        assertThat(etag(item(1))).isNotEqualTo(etag(item(2)));
    }

    @Test
    void matchingIfNoneMatchAnswers304WithoutBody() {
        String tag = etag(item(1));
        HttpResponse<String> response = item(1, "If-None-Match", tag);
        assertThat(response.statusCode()).isEqualTo(304);
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("ETag")).hasValue(tag);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("private, max-age=90");
        assertThat(response.headers().firstValue("X-Cache-Tags")).hasValue("items,items:one");
    }

    @Test
    void strongFormOfTheTagMatchesByWeakComparison() {
        String strong = etag(item(1)).substring(2);
        assertThat(item(1, "If-None-Match", strong).statusCode()).isEqualTo(304);
    }

    @Test
    void starMatchesAnyResult() {
        assertThat(item(2, "If-None-Match", "*").statusCode()).isEqualTo(304);
    }

    @Test
    void listContainingTheTagMatches() {
        String tag = etag(item(1));
        assertThat(item(1, "If-None-Match", "W/\"deadbeef\", " + tag + ", \"cafe\"").statusCode()).isEqualTo(304);
    }

    @Test
    void nonMatchingIfNoneMatchAnswers200WithBody() {
        String otherResult = etag(item(2));
        HttpResponse<String> response = item(1, "If-None-Match", otherResult + ", W/\"deadbeef\"");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/id").asInt()).isEqualTo(1);
        assertThat(etag(response)).isNotEqualTo(otherResult);
    }

    @Test
    void nonCacheableMethodStaysNoStore() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("p", CATALOG, "plain", "[]"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(NO_STORE);
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(response.headers().firstValue("X-Cache-Tags")).isEmpty();
        assertThat(json(response).at("/hints").has("cache")).isFalse();
    }

    @Test
    void nonCacheableMethodIgnoresIfNoneMatch() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("p", CATALOG, "plain", "[]"), "If-None-Match", "*");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).at("/data/id").asInt()).isEqualTo(1);
    }

    @Test
    void errorFromCacheableMethodIsNotCached() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("m", CATALOG, "missing", "[]"));
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(NO_STORE);
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(response.headers().firstValue("X-Cache-Tags")).isEmpty();
        assertThat(json(response).has("hints")).isFalse();
    }

    @Test
    void errorFromCacheableMethodIsNotTurnedInto304() {
        HttpResponse<String> response = http.post("/netron/invoke", invoke("m", CATALOG, "missing", "[]"), "If-None-Match", "*");
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(json(response).at("/error/message").asText()).isEqualTo("Gone");
    }

    @Test
    void batchItemsOfCacheableMethodsAreUnchanged() {
        // §3's batch item shape is {id, success, data?, error?}: no hints, and the batch as a whole is never cacheable.
        HttpResponse<String> response = http.post("/netron/batch",
                "{\"id\":\"b\",\"requests\":[{\"id\":\"x\",\"service\":\"" + CATALOG + "\",\"method\":\"item\",\"input\":[1]}]}",
                "If-None-Match", "*");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control")).hasValue(NO_STORE);
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(json(response).at("/responses/0").has("hints")).isFalse();
    }

    /** A bad setting fails at registration, not on every call. */
    @Service("bad@1.0.0")
    public static final class NegativeMaxAge {
        @Public
        @Cacheable(maxAge = -1)
        public int value() {
            return 1;
        }
    }

    @Service("bad@1.0.0")
    public static final class CommaInTag {
        @Public
        @Cacheable(tags = "a,b")
        public int value() {
            return 1;
        }
    }

    @Test
    void negativeMaxAgeIsRefusedAtRegistration() {
        assertThatThrownBy(() -> ServiceModel.of(new NegativeMaxAge()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAge");
    }

    @Test
    void tagWithCommaIsRefusedAtRegistration() {
        assertThatThrownBy(() -> ServiceModel.of(new CommaInTag()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a,b");
    }

    @Test
    void serviceModelReadsTheCacheSettings() {
        ServiceModel model = ServiceModel.of(new Catalog());
        assertThat(model.method("item").cache().maxAge()).isEqualTo(90_500);
        assertThat(model.method("item").cache().tags()).containsExactly("items", "items:one");
        assertThat(model.method("item").cache().shared()).isFalse();
        assertThat(model.method("featured").cache().shared()).isTrue();
        assertThat(model.method("plain").cache()).isNull();
    }
}
