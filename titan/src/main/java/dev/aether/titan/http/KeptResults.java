package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.titan.IdempotencySettings;
import dev.aether.titan.call.Caller;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The results of calls that carried an idempotency key, kept per (principal, key, service,
 * method) on Caffeine: a call whose key already ran gets the first result; one whose key is still
 * running waits for it and gets the same result. Failed calls are not kept (Caffeine drops a
 * failed future), so a retry after a failure runs again. Bounded in time (expire after write) and
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

    /** A result as kept; a void result is {@code data == null} (Caffeine would drop a null value). */
    private record Result(JsonNode data, int jsonLength) {
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
        return results.get(new Key(principal, key, service, method), (k, executor) -> start.get()
                        .thenApply(data -> new Result(data, data == null ? 0 : NetronJson.write(data).length())))
                .thenApply(Result::data);
    }
}
