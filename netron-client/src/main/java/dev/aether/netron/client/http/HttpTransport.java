package dev.aether.netron.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.Transport;
import dev.aether.netron.client.call.Revalidation;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.netron.protocol.http.CacheHints;
import dev.aether.netron.protocol.http.IdempotencyKey;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import java.io.IOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Netron over HTTP with the JDK {@link HttpClient}: each call is a {@code POST /netron/invoke}
 * with a JSON body (netron-wire.md §3), results are converted to the invocation's result type
 * and failures arrive as the same {@link NetronException} subclass the server threw.
 *
 * <pre>{@code
 * try (NetronClient client = NetronClient.http(URI.create("http://localhost:8080"))) {
 *     client.authenticate(Map.of("username", "alice", "password", "secret"));
 *     Calculator calc = client.service(Calculator.class);
 *     int five = calc.add(2, 3);
 * }
 * }</pre>
 *
 * <p>HTTP is stateless: {@link #authenticate} keeps the token it was given, or the one the server
 * issued ({@code context.token} of type bearer, else {@code context.metadata.token}), and sends
 * it as {@code Authorization: Bearer} on every later request. Rejected credentials fail with
 * {@link AuthException}, as on the other transports.
 *
 * <p>{@link #queryInterface} asks a Titan with {@code POST /netron/query_interface} (our
 * extension: full definitions, filtered by what the caller may use). A server without that route
 * (a 404 that names no service, as the TypeScript reference answers) is asked the reference's
 * way instead, {@code GET /openapi.json} with the bearer token, which lists method names only
 * (see {@link OpenApiDefinitions}); the transport remembers and asks that way from then on.
 *
 * <p>A call's timeout is both the HTTP request timeout and {@code hints.timeout}, so the
 * server gives up when the client does; it fails with {@link RpcException} 408.
 *
 * <p>A call with an idempotency key sends it as {@code Idempotency-Key}. Made with
 * {@link BatchSettings}, the transport gathers calls made close together into
 * {@code /netron/batch} requests ({@link HttpBatcher}), the key then going in the item's
 * {@code context.metadata}.
 */
public final class HttpTransport implements Transport {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CONTROL_TIMEOUT = Duration.ofSeconds(30);
    private static final String BATCH_PATH = "netron/batch";

    private final URI base;
    private final HttpClient http;
    private final String idPrefix = Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36) + "-";
    private final AtomicLong ids = new AtomicLong();
    private volatile String token;
    private volatile boolean closed;
    /** Gathers calls into batches; null when each call is sent on its own. */
    private final HttpBatcher batcher;
    /** Set once the server answered that it has no {@code /netron/query_interface} route. */
    private volatile boolean openApiDiscovery;

    /**
     * A transport to the Titan at {@code baseUri}.
     *
     * @param baseUri {@code http://host:port}, optionally with a path prefix
     */
    public HttpTransport(URI baseUri) {
        this(baseUri, null);
    }

    /**
     * A transport that is authenticated from the start.
     *
     * @param baseUri {@code http://host:port}, optionally with a path prefix
     * @param token   sent as {@code Authorization: Bearer} with every request; null for none
     */
    public HttpTransport(URI baseUri, String token) {
        this(baseUri, token, null);
    }

    /**
     * A transport that gathers calls made close together into {@code /netron/batch} requests.
     *
     * <pre>{@code
     * NetronClient client = NetronClient.over(new HttpTransport(uri, null, BatchSettings.DEFAULTS));
     * }</pre>
     *
     * @param baseUri  {@code http://host:port}, optionally with a path prefix
     * @param token    sent as {@code Authorization: Bearer} with every request; null for none
     * @param batching how calls are gathered ({@link BatchSettings#DEFAULTS}: 10 ms, 10 calls,
     *                 results streamed as they complete); null sends each call on its own
     */
    public HttpTransport(URI baseUri, String token, BatchSettings batching) {
        String text = baseUri.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.batcher = batching == null ? null
                : new HttpBatcher(batching, http, timeout -> request(BATCH_PATH, nextId(), timeout), this::nextId, this::failure);
    }

    @Override
    public CompletableFuture<Object> call(Invocation invocation) {
        String id = nextId();
        ObjectNode body = NetronJson.mapper().createObjectNode()
                .put("id", id)
                .put("service", invocation.service())
                .put("method", invocation.method());
        try {
            body.set("input", NetronJson.tree(invocation.arguments()));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(SerializationException.encode("Arguments of " + invocation.service() + "."
                    + invocation.method() + " cannot be written as JSON: " + e.getMessage()));
        }
        body.putObject("hints").put("timeout", invocation.timeout().toMillis());
        String what = invocation.service() + "." + invocation.method();
        String bearer = invocation.token() != null ? invocation.token() : token;
        if (batcher != null && invocation.token() == null) { // a batch carries one Authorization: a call with its own token goes alone
            if (closed) {
                return CompletableFuture.failedFuture(new TransportLostException("HTTP transport to " + base + " is closed"));
            }
            if (invocation.idempotencyKey() != null) {
                body.putObject("context").putObject("metadata").put(IdempotencyKey.METADATA, invocation.idempotencyKey());
            }
            return batcher.add(body, invocation.timeout(), what).thenApply(data -> convert(data, invocation.resultType()));
        }
        HttpRequest.Builder post = request("netron/invoke", id, invocation.timeout(), bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NetronJson.write(body), StandardCharsets.UTF_8));
        if (invocation.idempotencyKey() != null) {
            post.header(IdempotencyKey.HEADER, invocation.idempotencyKey());
        }
        Revalidation revalidation = invocation.revalidation();
        if (revalidation == null) {
            return exchange(post, invocation.timeout(), what, HttpTransport::dataOf)
                    .thenApply(data -> convert(data, invocation.resultType()));
        }
        if (revalidation.ifNoneMatch() != null) {
            post.header("If-None-Match", revalidation.ifNoneMatch());
        }
        return send(post, invocation.timeout(), what, response -> {
            String etag = response.headers().firstValue("ETag").orElse(null);
            if (response.statusCode() == 304) {
                return revalidation.notModified(etag); // the cached value, already converted
            }
            JsonNode answer = read(response, json -> json);
            Object value = convert(dataOf(answer), invocation.resultType());
            revalidation.answered(etag, cacheHintsOf(answer));
            return value;
        });
    }

    @Override
    public CompletableFuture<Definition> queryInterface(String service) {
        if (openApiDiscovery) {
            return queryOpenApi(service);
        }
        String id = nextId();
        ObjectNode body = NetronJson.mapper().createObjectNode().put("id", id).put("service", service);
        return post("netron/query_interface", id, body, CONTROL_TIMEOUT, "queryInterface " + service)
                .thenApply(data -> NetronJson.convert(data, Definition.class))
                .exceptionallyCompose(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    if (!isMissingRoute(cause)) {
                        return CompletableFuture.failedFuture(cause);
                    }
                    openApiDiscovery = true;
                    return queryOpenApi(service);
                });
    }

    /**
     * A 404 for the route itself rather than for the service: a Titan's "service not found" names
     * the service it looked for; the reference's (and any plain server's) unknown-route 404 does not.
     */
    private static boolean isMissingRoute(Throwable error) {
        return error instanceof NetronException e && e.code() == 404
                && !(e instanceof ServiceNotFoundException notFound && notFound.serviceId() != null);
    }

    private CompletableFuture<Definition> queryOpenApi(String service) {
        String id = nextId();
        return exchange(request(OpenApiDefinitions.PATH, id, CONTROL_TIMEOUT).GET(), CONTROL_TIMEOUT,
                "queryInterface " + service + " (GET /" + OpenApiDefinitions.PATH + ")",
                spec -> OpenApiDefinitions.find(spec, service));
    }

    @Override
    public CompletableFuture<AuthenticateResponse.Result> authenticate(Map<String, ?> credentials) {
        String id = nextId();
        ObjectNode body = NetronJson.mapper().createObjectNode().put("id", id);
        body.set("credentials", NetronJson.tree(credentials));
        return postJson("netron/authenticate", id, body, CONTROL_TIMEOUT, "authenticate", json -> {
            AuthenticateResponse.Result result = NetronJson.convert(json.path("result"), AuthenticateResponse.Result.class);
            if (!result.success()) {
                throw new AuthException(result.error() == null ? "Authentication failed" : result.error());
            }
            this.token = credentials.get("token") instanceof String given ? given : issuedToken(result, token);
            return result;
        });
    }

    /**
     * The token this transport sends.
     *
     * @return the Bearer token sent with requests, or null
     */
    public String token() {
        return token;
    }

    /** Stops sending requests; calls in flight fail with {@link TransportLostException}. */
    @Override
    public void close() {
        closed = true;
        http.shutdownNow();
    }

    /** POSTs an invoke-shaped request and completes with its {@code data} (null when absent). */
    private CompletableFuture<JsonNode> post(String path, String id, JsonNode body, Duration timeout, String what) {
        return postJson(path, id, body, timeout, what, token, HttpTransport::dataOf);
    }

    /** The answer's {@code hints.cache} (a Titan {@code @Cacheable} method's), or null; hints that cannot be read count as none. */
    private static CacheHints cacheHintsOf(JsonNode answer) {
        JsonNode cache = answer.path("hints").path("cache");
        if (!cache.isObject()) {
            return null;
        }
        try {
            return NetronJson.convert(cache, CacheHints.class);
        } catch (RuntimeException malformed) {
            return null; // advice only: the result itself is fine
        }
    }

        /** The {@code data} of a successful invoke-shaped answer (null when absent). */
    private static JsonNode dataOf(JsonNode json) {
        return json.path("success").asBoolean(false) ? json.get("data") : null;
    }

    private <T> CompletableFuture<T> postJson(String path, String id, JsonNode body, Duration timeout, String what,
                                              Function<JsonNode, T> onSuccess) {
        return postJson(path, id, body, timeout, what, token, onSuccess);
    }

    private <T> CompletableFuture<T> postJson(String path, String id, JsonNode body, Duration timeout, String what, String bearer,
                                              Function<JsonNode, T> onSuccess) {
        HttpRequest.Builder post = request(path, id, timeout, bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NetronJson.write(body), StandardCharsets.UTF_8));
        return exchange(post, timeout, what, onSuccess);
    }

    private HttpRequest.Builder request(String path, String id, Duration timeout) {
        return request(path, id, timeout, token);
    }

    /** A request sending {@code bearer} (a call's own token, or this transport's) if not null. */
    private HttpRequest.Builder request(String path, String id, Duration timeout, String bearer) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("X-Request-ID", id);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request;
    }

    private <T> CompletableFuture<T> exchange(HttpRequest.Builder request, Duration timeout, String what,
                                              Function<JsonNode, T> onSuccess) {
        if (closed) {
            return CompletableFuture.failedFuture(new TransportLostException("HTTP transport to " + base + " is closed"));
        }
        return send(request, timeout, what, response -> read(response, onSuccess));
    }

    /**
     * Sends the request and completes with {@code answer}'s reading of the response; fails with
     * the NetronException {@code answer} throws, or the transport's when no answer arrives.
     */
    private <T> CompletableFuture<T> send(HttpRequest.Builder request, Duration timeout, String what,
                                          Function<HttpResponse<String>, T> answer) {
        if (closed) {
            return CompletableFuture.failedFuture(new TransportLostException("HTTP transport to " + base + " is closed"));
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .whenComplete((response, error) -> {
                    try {
                        if (error != null) {
                            result.completeExceptionally(failure(error, timeout, what));
                        } else {
                            result.complete(answer.apply(response));
                        }
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
        return result;
    }

    private static <T> T read(HttpResponse<String> response, Function<JsonNode, T> onSuccess) {
        JsonNode json;
        try {
            json = NetronJson.parse(response.body());
        } catch (NetronException notJson) {
            // A proxy's HTML error page or an empty body: the status is all there is.
            if (response.statusCode() / 100 == 2) {
                throw RpcException.invalidResponse("The server answered " + response.statusCode() + " without JSON");
            }
            throw HttpErrors.decode(response.statusCode(), response.headers(), null);
        }
        boolean failed = response.statusCode() / 100 != 2 || (json.has("success") && !json.path("success").asBoolean());
        if (failed) {
            throw HttpErrors.decode(response.statusCode(), response.headers(), json);
        }
        return onSuccess.apply(json);
    }

    private NetronException failure(Throwable error, Duration timeout, String what) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof NetronException netron) {
            return netron;
        }
        if (closed) {
            return new TransportLostException("HTTP transport to " + base + " was closed during " + what);
        }
        if (cause instanceof HttpTimeoutException) {
            return RpcException.timeout(what + " timed out after " + timeout.toMillis() + " ms");
        }
        if (cause instanceof IOException) {
            return TransportException.unavailable("Cannot reach " + base + ": " + cause);
        }
        return new NetronException(NetronException.UNKNOWN_ERROR, "HTTP request failed: " + cause, Map.of(), cause);
    }

    private static Object convert(JsonNode data, Type type) {
        if (data == null || data.isNull() || type == void.class || type == Void.class) {
            return null;
        }
        return NetronMsgpack.standard().convert(data, type);
    }

    /** The token the server issued: {@code context.token} when it is a bearer token, else {@code context.metadata.token}. */
    private static String issuedToken(AuthenticateResponse.Result result, String previous) {
        AuthenticateResponse.AuthContext context = result.context();
        if (context == null) {
            return previous;
        }
        if (context.token() != null && context.token().isBearer()) {
            return context.token().value();
        }
        Map<String, Object> metadata = context.metadata();
        return metadata != null && metadata.get("token") instanceof String issued ? issued : previous;
    }

    private String nextId() {
        return idPrefix + ids.incrementAndGet();
    }

    @Override
    public String toString() {
        return "HttpTransport[" + base + "]";
    }
}
