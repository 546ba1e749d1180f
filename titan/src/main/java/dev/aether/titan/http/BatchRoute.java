package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.BatchLines;
import dev.aether.netron.protocol.http.BatchRequest;
import dev.aether.netron.protocol.http.BatchResponse;
import dev.aether.netron.protocol.http.IdempotencyKey;
import dev.aether.netron.protocol.http.HttpError;
import dev.aether.netron.protocol.http.InvokeRequest;
import dev.aether.netron.protocol.http.InvokeResponse;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.call.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * {@code POST /netron/batch}: many calls in one request, always answered 200
 * {@code {id, responses, hints:{successCount, failureCount, totalTime}}} in request order.
 *
 * <p>Each item goes through the same {@link Calls} path as a single invoke, so authentication,
 * access rules, validation, timeouts and rate limits apply per item (the reference skips them;
 * netron-wire.md §9.1). Items run in parallel by default, at most {@code maxConcurrency} at a
 * time (capped at {@value #MAX_CONCURRENCY} so one request cannot occupy the server);
 * {@code parallel:false} runs them in order. With {@code stopOnError}, no item starts after a
 * failure and only processed items are answered. A batch of more items than
 * {@link dev.aether.titan.Limits#maxBatchItems()} answers 413 and runs none ({@link BatchSize}).
 *
 * <p>A request that accepts {@code application/x-ndjson} ({@link BatchLines}) gets each item's
 * response as its own line the moment the item completes, then a line with the totals, so one
 * slow item holds back no other (tRPC's known flaw). The errors of a malformed or oversized
 * batch are answered before anything streams, as without it.
 *
 * <pre>{@code
 * {"id":"b","requests":[{"id":"1","service":"calculator","method":"add","input":[1,2]}],
 *  "options":{"parallel":true,"maxConcurrency":4}}
 * }</pre>
 */
final class BatchRoute implements Route {
    static final int MAX_CONCURRENCY = 64;

    private final Calls calls;
    private final BearerAuth auth;
    private final JsonBody body;
    private final BatchSize size;

    BatchRoute(Calls calls, BearerAuth auth, JsonBody body, BatchSize size) {
        this.calls = calls;
        this.auth = auth;
        this.body = body;
        this.size = size;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Caller caller = auth.caller(exchange);
        String json = body.read(exchange.request());
        size.check(json);
        BatchRequest batch = NetronJson.readBatch(json);
        if (BatchLines.accepts(exchange.header("Accept"))) {
            streamLines(exchange, caller, batch);
        } else {
            answerAtOnce(exchange, caller, batch);
        }
    }

    /** The reference's answer: every item's response in request order, once all are done. */
    private void answerAtOnce(Exchange exchange, Caller caller, BatchRequest batch) throws InterruptedException {
        long start = System.nanoTime();
        List<InvokeRequest> items = batch.requests();
        List<CompletableFuture<JsonNode>> started = startAll(caller, batch, (item, call) -> { });
        List<InvokeResponse> responses = new ArrayList<>(started.size());
        int successes = 0;
        for (int i = 0; i < started.size(); i++) {
            InvokeResponse response = response(items.get(i), started.get(i));
            responses.add(response);
            successes += response.success() ? 1 : 0;
        }
        exchange.sendJson(200, new BatchResponse(batch.id(), responses,
                new BatchResponse.Hints(successes, responses.size() - successes, elapsedMillis(start))));
    }

    /**
     * Our extension ({@link BatchLines}): each item's response as its own line, written and
     * flushed as soon as the item completes, then the totals. Items are started on another
     * virtual thread, since starting waits for permits while finished items are written here.
     */
    private void streamLines(Exchange exchange, Caller caller, BatchRequest batch) throws Exception {
        long start = System.nanoTime();
        BlockingQueue<Object> finished = new LinkedBlockingQueue<>();
        Thread.ofVirtual().name("netron-batch-" + exchange.trace().requestId()).start(() -> {
            int count = 0;
            try {
                count = startAll(caller, batch, (item, call) ->
                        call.whenComplete((data, error) -> finished.add(line(item, data, error)))).size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                finished.add(new AllStarted(count));
            }
        });
        try (LineWriter lines = exchange.sendLines(200, BatchLines.MEDIA_TYPE)) {
            int expected = -1;
            int written = 0;
            int successes = 0;
            while (expected < 0 || written < expected) {
                Object next = finished.take();
                if (next instanceof AllStarted all) {
                    expected = all.count();
                } else {
                    Line line = (Line) next;
                    lines.write(line.json());
                    written++;
                    successes += line.response().success() ? 1 : 0;
                }
            }
            lines.write(NetronJson.write(new BatchLines.End(batch.id(),
                    new BatchResponse.Hints(successes, written - successes, elapsedMillis(start)))));
        }
    }

    /** Marks that the starter is done: this many items were started (fewer than asked after a stopOnError failure). */
    private record AllStarted(int count) {
    }

    /**
     * Starts the items, at most the batch's concurrency at a time (blocking for permits), in
     * order, handing each to {@code each} as it starts; with {@code stopOnError} none starts
     * after a failure was seen.
     */
    private List<CompletableFuture<JsonNode>> startAll(Caller caller, BatchRequest batch, BiConsumer<InvokeRequest, CompletableFuture<JsonNode>> each)
            throws InterruptedException {
        List<InvokeRequest> items = batch.requests();
        List<CompletableFuture<JsonNode>> started = new ArrayList<>(items.size());
        Semaphore permits = new Semaphore(batch.parallel() ? concurrency(batch) : 1);
        AtomicBoolean failed = new AtomicBoolean();
        for (InvokeRequest item : items) {
            permits.acquire();
            if (failed.get() && batch.stopOnError()) {
                break; // items already running finish; none starts after a failure was seen
            }
            CompletableFuture<JsonNode> call = startItem(caller, item);
            call.whenComplete((data, error) -> {
                if (error != null) {
                    failed.set(true);
                }
                permits.release();
            });
            started.add(call);
            each.accept(item, call);
        }
        return started;
    }

    private static InvokeResponse response(InvokeRequest item, CompletableFuture<JsonNode> call) throws InterruptedException {
        try {
            return response(item, Calls.await(call), null);
        } catch (RuntimeException e) {
            return response(item, null, e);
        }
    }

    private static InvokeResponse response(InvokeRequest item, JsonNode data, Throwable error) {
        String id = item == null ? null : item.id();
        return error == null ? InvokeResponse.success(id, data, null) : InvokeResponse.failure(id, ErrorReply.brief(Calls.failure(error)));
    }

    /**
     * A line of our NDJSON answer: a JSON item, but a failure keeps its details and names its
     * type ({@link BatchLines#ERROR_NAME}), so the client rebuilds the same exception.
     */
    private static Line line(InvokeRequest item, JsonNode data, Throwable error) {
        String id = item == null ? null : item.id();
        if (error == null) {
            return new Line(InvokeResponse.success(id, data, null), null);
        }
        NetronException failure = Calls.failure(error);
        return new Line(InvokeResponse.failure(id, HttpError.from(failure)), failure.wireName());
    }

    /** One item's line: its response, and the error's type name when it failed. */
    private record Line(InvokeResponse response, String errorName) {
        String json() {
            if (errorName == null) {
                return NetronJson.write(response);
            }
            ObjectNode node = NetronJson.mapper().valueToTree(response);
            node.put(BatchLines.ERROR_NAME, errorName);
            return NetronJson.write(node);
        }
    }

    private static long elapsedMillis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }

    private CompletableFuture<JsonNode> startItem(Caller caller, InvokeRequest item) {
        if (item == null || item.id() == null || item.service() == null || item.method() == null || item.input() == null) {
            return CompletableFuture.failedFuture(new NetronException(400, "Invalid request format"));
        }
        String idempotencyKey;
        try {
            idempotencyKey = IdempotencyKey.of(item.context());
        } catch (NetronException e) {
            return CompletableFuture.failedFuture(e);
        }
        return calls.start(caller, item, idempotencyKey);
    }

    private static int concurrency(BatchRequest batch) {
        Integer wanted = batch.options() == null ? null : batch.options().maxConcurrency();
        return wanted == null || wanted < 1 ? MAX_CONCURRENCY : Math.min(wanted, MAX_CONCURRENCY);
    }
}
