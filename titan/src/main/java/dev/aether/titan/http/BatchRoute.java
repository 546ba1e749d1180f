package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.BatchRequest;
import dev.aether.netron.protocol.http.BatchResponse;
import dev.aether.netron.protocol.http.IdempotencyKey;
import dev.aether.netron.protocol.http.InvokeRequest;
import dev.aether.netron.protocol.http.InvokeResponse;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.call.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

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
        long start = System.nanoTime();
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
        }
        List<InvokeResponse> responses = new ArrayList<>(started.size());
        int successes = 0;
        for (int i = 0; i < started.size(); i++) {
            InvokeRequest item = items.get(i);
            String id = item == null ? null : item.id();
            try {
                responses.add(InvokeResponse.success(id, Calls.await(started.get(i)), null));
                successes++;
            } catch (RuntimeException e) {
                responses.add(InvokeResponse.failure(id, ErrorReply.brief(Calls.failure(e))));
            }
        }
        long totalTime = (System.nanoTime() - start) / 1_000_000;
        exchange.sendJson(200, new BatchResponse(batch.id(), responses,
                new BatchResponse.Hints(successes, responses.size() - successes, totalTime)));
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
