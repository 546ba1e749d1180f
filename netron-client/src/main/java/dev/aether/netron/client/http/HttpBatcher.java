package dev.aether.netron.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.http.BatchLines;
import dev.aether.netron.protocol.http.NetronJson;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Gathers the calls of an {@link HttpTransport} made within a short window into one
 * {@code POST /netron/batch} (netron-wire.md §3) and hands each call its own result. With
 * {@linkplain BatchSettings#streaming() streaming} the request accepts
 * {@value BatchLines#MEDIA_TYPE} and each call completes when its line arrives, however long
 * the others take; otherwise (or when the server answers with plain JSON, as a TypeScript Titan
 * does) every call completes when the whole answer has arrived.
 *
 * <pre>{@code
 * HttpBatcher batcher = new HttpBatcher(BatchSettings.DEFAULTS, http, requests, failures);
 * CompletableFuture<JsonNode> data = batcher.add(item, Duration.ofSeconds(30), "users.find");
 * }</pre>
 */
final class HttpBatcher {
    private static final ScheduledExecutorService TIMERS = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
            .name("netron-batch").daemon(true).factory());
    private static final HttpHeaders NO_HEADERS = HttpHeaders.of(Map.of(), (name, value) -> true);

    /** How one failure of the whole request is turned into each call's error. */
    interface Failures {
        NetronException of(Throwable error, Duration timeout, String what);
    }

    private final BatchSettings settings;
    private final HttpClient http;
    private final Function<Duration, HttpRequest.Builder> newRequest;
    private final Supplier<String> ids;
    private final Failures failures;
    private List<Pending> gathering = new ArrayList<>(); // guarded by this
    private ScheduledFuture<?> timer; // guarded by this

    /** One call waiting for its result. */
    private record Pending(String id, ObjectNode item, Duration timeout, String what, CompletableFuture<JsonNode> result) {
    }

    /**
     * @param newRequest a request to {@code /netron/batch} with the transport's headers (auth, ids), given its timeout
     * @param ids        fresh request ids
     */
    HttpBatcher(BatchSettings settings, HttpClient http, Function<Duration, HttpRequest.Builder> newRequest, Supplier<String> ids,
                Failures failures) {
        this.settings = settings;
        this.http = http;
        this.newRequest = newRequest;
        this.ids = ids;
        this.failures = failures;
    }

    /** Adds a call ({@code item} is an invoke body with its id) to the batch being gathered; completes with its {@code data}. */
    CompletableFuture<JsonNode> add(ObjectNode item, Duration timeout, String what) {
        Pending call = new Pending(item.path("id").asText(), item, timeout, what, new CompletableFuture<>());
        ScheduledFuture<?> expiry = TIMERS.schedule(() -> call.result().completeExceptionally(
                RpcException.timeout(what + " timed out after " + timeout.toMillis() + " ms")), timeout.toMillis(), TimeUnit.MILLISECONDS);
        call.result().whenComplete((data, error) -> expiry.cancel(false));
        List<Pending> full = null;
        synchronized (this) {
            gathering.add(call);
            if (gathering.size() >= settings.maxCalls()) {
                full = takeGathered();
            } else if (timer == null) {
                timer = TIMERS.schedule(this::flushGathered, settings.window().toNanos(), TimeUnit.NANOSECONDS);
            }
        }
        if (full != null) {
            send(full);
        }
        return call.result();
    }

    private void flushGathered() {
        List<Pending> batch;
        synchronized (this) {
            batch = takeGathered();
        }
        if (!batch.isEmpty()) {
            send(batch);
        }
    }

    private List<Pending> takeGathered() {
        List<Pending> batch = gathering;
        gathering = new ArrayList<>();
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        return batch;
    }

    private void send(List<Pending> batch) {
        ObjectNode body = NetronJson.mapper().createObjectNode().put("id", ids.get());
        ArrayNode requests = body.putArray("requests");
        Duration longest = Duration.ZERO;
        Map<String, Pending> byId = new ConcurrentHashMap<>();
        for (Pending call : batch) {
            requests.add(call.item());
            byId.put(call.id(), call);
            longest = call.timeout().compareTo(longest) > 0 ? call.timeout() : longest;
        }
        Duration timeout = longest;
        String what = "batch of " + batch.size() + " calls";
        HttpRequest request = newRequest.apply(timeout)
                .header("Content-Type", "application/json")
                .setHeader("Accept", settings.streaming() ? BatchLines.MEDIA_TYPE + ", application/json" : "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NetronJson.write(body), StandardCharsets.UTF_8))
                .build();
        http.sendAsync(request, info -> HttpResponse.BodySubscribers.fromLineSubscriber(new Answer(info, byId)))
                .whenComplete((done, error) -> {
                    if (error != null) {
                        NetronException failure = failures.of(error, timeout, what);
                        byId.values().forEach(call -> call.result().completeExceptionally(failure));
                    }
                });
    }

    /** Reads the answer line by line: each line completes its call at once (NDJSON), or the whole answer at the end (JSON). */
    private static final class Answer implements Flow.Subscriber<String> {
        private final HttpResponse.ResponseInfo info;
        private final Map<String, Pending> byId;
        private final boolean lines;
        private final StringBuilder whole = new StringBuilder();

        Answer(HttpResponse.ResponseInfo info, Map<String, Pending> byId) {
            this.info = info;
            this.byId = byId;
            this.lines = info.statusCode() == 200 && BatchLines.accepts(info.headers().firstValue("Content-Type").orElse(null));
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (!lines) {
                whole.append(line).append('\n');
            } else if (!line.isBlank()) {
                try {
                    complete(NetronJson.parse(line));
                } catch (RuntimeException malformed) {
                    failAll(RpcException.invalidResponse("The server sent a batch line that is not a call's answer: " + malformed.getMessage()));
                }
            }
        }

        @Override
        public void onError(Throwable error) {
            // The request's own future fails too, and maps the error for every call not answered yet.
        }

        @Override
        public void onComplete() {
            if (!lines) {
                readWhole();
            }
            failAll(RpcException.invalidResponse("The batch answer ended without this call's result"));
        }

        private void readWhole() {
            JsonNode json;
            try {
                json = NetronJson.parse(whole.toString());
            } catch (RuntimeException notJson) {
                failAll(info.statusCode() / 100 == 2
                        ? RpcException.invalidResponse("The server answered " + info.statusCode() + " without JSON")
                        : HttpErrors.decode(info.statusCode(), info.headers(), null));
                return;
            }
            if (info.statusCode() != 200 || !json.path("responses").isArray()) {
                // The whole batch was refused (400 malformed, 413 too many calls, 401...): every call gets that error.
                failAll(HttpErrors.decode(info.statusCode() == 200 ? 500 : info.statusCode(), info.headers(), json));
                return;
            }
            json.path("responses").forEach(this::complete);
        }

        /** Completes the call a response line names; a line for no call of ours (the totals) is skipped. */
        private void complete(JsonNode response) {
            if (!response.has("success")) {
                return;
            }
            Pending call = byId.remove(response.path("id").asText());
            if (call == null) {
                return;
            }
            if (response.path("success").asBoolean()) {
                call.result().complete(response.get("data"));
            } else {
                // A line (our NDJSON) names the error's type, as X-Netron-Error does for one call; the reference's JSON items do not.
                String name = response.path(BatchLines.ERROR_NAME).asText(null);
                HttpHeaders headers = name == null ? NO_HEADERS : HttpHeaders.of(Map.of(HttpErrors.ERROR_NAME, List.of(name)), (k, v) -> true);
                call.result().completeExceptionally(HttpErrors.decode(500, headers, response));
            }
        }

        private void failAll(NetronException error) {
            byId.values().forEach(call -> call.result().completeExceptionally(error));
            byId.clear();
        }
    }
}
