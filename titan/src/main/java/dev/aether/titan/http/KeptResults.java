package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.IdempotencySettings;
import dev.aether.titan.call.Caller;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The results of calls that carried an idempotency key, kept per (principal, key, service,
 * method) on Caffeine: a call whose key already ran gets the first result; one whose key is still
 * running waits for it and gets the same result. Failed calls are not kept, so a retry after a
 * failure runs again. Bounded in time (expire after write) and
 * in memory (the weight of a result is its JSON length plus its key's).
 *
 * <pre>{@code
 * KeptResults kept = new KeptResults(IdempotencySettings.defaults());
 * CompletableFuture<JsonNode> data = kept.run(caller, key, service, method, () -> calls.start(caller, request));
 * }</pre>
 */
final class KeptResults {
    private final AsyncCache<Key, Result> results;

    /** Who asked for what under which key: another principal's identical key is another entry. */
    private record Key(String principal, String key, String service, String method) {
        int length() {
            return principal.length() + key.length() + service.length() + method.length();
        }
    }

    /**
     * A call's outcome: its data (null for a void result, which Caffeine would drop as a null
     * value) or its error. A failed outcome is removed as soon as it is known, and never fails
     * the cache's future (Caffeine would log every failed call as a warning).
     */
    private record Result(JsonNode data, int jsonLength, Throwable error) {
    }

    KeptResults(IdempotencySettings settings) {
        this.results = Caffeine.newBuilder()
                .expireAfterWrite(settings.keepFor())
                .maximumWeight(settings.maxBytes())
                .<Key, Result>weigher((key, result) -> key.length() + result.jsonLength())
                .buildAsync();
    }

    /** The call's result: {@code start}'s when {@code key} is null or new, else the kept (or running) one's. */
    CompletableFuture<JsonNode> run(Caller caller, String key, String service, String method, Supplier<CompletableFuture<JsonNode>> start) {
        if (key == null) {
            return start.get();
        }
        String principal = caller.principal() == null ? "" : "user:" + caller.principal().id();
        Key kept = new Key(principal, key, service, method);
        CompletableFuture<Result> outcome = results.get(kept, (k, executor) -> start.get()
                .handle((data, error) -> new Result(data, data == null ? 0 : NetronJson.write(data).length(), error)));
        return outcome.thenApply(result -> {
            if (result.error() != null) {
                results.asMap().remove(kept, outcome); // a failed call may be tried again
                throw result.error() instanceof CompletionException wrapped ? wrapped : new CompletionException(result.error());
            }
            return result.data();
        });
    }
}
