package dev.aether.titan.call;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aether.titan.IdempotencySettings;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The results of calls that carried an idempotency key, kept per (principal, key, service,
 * method) on Caffeine: a call whose key already ran gets the first result; one whose key is still
 * running waits for it and gets the same result. Failed calls are not kept, so a retry after a
 * failure runs again; neither are results {@code weight} refuses (a negative weight: a stream
 * cannot be replayed). Bounded in time (expire after write) and in memory (a result weighs what
 * {@code weight} says, in its transport's encoding, plus its key's length). HTTP keeps JSON
 * answers, the WebSocket plain values.
 *
 * <pre>{@code
 * KeptResults<JsonNode> kept = new KeptResults<>(IdempotencySettings.defaults(), data -> NetronJson.write(data).length());
 * CompletableFuture<JsonNode> data = kept.run(caller, key, service, method, () -> calls.start(caller, request));
 * }</pre>
 *
 * @param <T> what the transport's calls complete with
 */
public final class KeptResults<T> {
    private final AsyncCache<Key, Result<T>> results;
    private final ToIntFunction<? super T> weight;

    /** Who asked for what under which key: another principal's identical key is another entry. */
    private record Key(String principal, String key, String service, String method) {
        int length() {
            return principal.length() + key.length() + service.length() + method.length();
        }
    }

    /**
     * A call's outcome: its value (null for a void result, which Caffeine would drop as a null
     * value) or its error; weight -1 when it must not be kept. A failed outcome is removed as soon
     * as it is known, and never fails the cache's future (Caffeine would log every failed call).
     */
    private record Result<T>(T value, int weight, Throwable error) {
        boolean keepable() {
            return error == null && weight >= 0;
        }
    }

    /** {@code weight} gives a non-null value's size in bytes, or a negative number for a value not to keep. */
    public KeptResults(IdempotencySettings settings, ToIntFunction<? super T> weight) {
        this.weight = weight;
        this.results = Caffeine.newBuilder()
                .expireAfterWrite(settings.keepFor())
                .maximumWeight(settings.maxBytes())
                .<Key, Result<T>>weigher((key, result) -> key.length() + Math.max(0, result.weight()))
                .buildAsync();
    }

    /** The call's result: {@code start}'s when {@code key} is null or new, else the kept (or running) one's. */
    public CompletableFuture<T> run(Caller caller, String key, String service, String method, Supplier<CompletableFuture<T>> start) {
        if (key == null) {
            return start.get();
        }
        String principal = caller.principal() == null ? "" : "user:" + caller.principal().id();
        Key kept = new Key(principal, key, service, method);
        CompletableFuture<Result<T>> outcome = results.get(kept, (k, executor) -> start.get()
                .handle((value, error) -> new Result<>(value, error != null || value == null ? 0 : weight.applyAsInt(value), error)));
        return outcome.thenApply(result -> {
            if (!result.keepable()) {
                results.asMap().remove(kept, outcome); // a failed call may be tried again; a stream is not replayable
            }
            if (result.error() != null) {
                throw result.error() instanceof CompletionException wrapped ? wrapped : new CompletionException(result.error());
            }
            return result.value();
        });
    }
}
