package dev.aether.titan.ws;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.http.IdempotencyKey;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.stream.StreamSources;
import dev.aether.titan.IdempotencySettings;
import dev.aether.titan.call.Caller;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The results of WebSocket CALLs that carried an idempotency key (negotiated in the handshake,
 * {@code Handshake.KeysAccepted}), kept per (principal, key, service, method) on Caffeine as
 * HTTP keeps its own: a call whose key already ran gets the first result, even on another
 * connection; one whose key is still running waits for it. Failed calls, and results that are
 * not plain data (a stream cannot be replayed), are not kept. Bounded in time and in memory (a
 * result weighs its MessagePack size plus its key's).
 *
 * <pre>{@code
 * KeptCalls kept = new KeptCalls(IdempotencySettings.defaults());
 * CompletableFuture<Object> result = kept.run(caller, key, service, method, () -> dispatcher.call(...));
 * }</pre>
 */
final class KeptCalls {
    private final AsyncCache<Key, Result> results;

    /** Who asked for what under which key: another principal's identical key is another entry. */
    private record Key(String principal, String key, String service, String method) {
        int length() {
            return principal.length() + key.length() + service.length() + method.length();
        }
    }

    /** A call's outcome: its value (null for void) or its error; weight -1 when the value must not be kept. */
    private record Result(Object value, int weight, Throwable error) {
    }

    KeptCalls(IdempotencySettings settings) {
        this.results = Caffeine.newBuilder()
                .expireAfterWrite(settings.keepFor())
                .maximumWeight(settings.maxBytes())
                .<Key, Result>weigher((key, result) -> key.length() + Math.max(0, result.weight()))
                .buildAsync();
    }

    /** The key in a CALL's key slot: a string of at most {@link IdempotencyKey#MAX_LENGTH} characters, or nil for none; else 400. */
    static String keyOf(Object slot) {
        if (slot == null) {
            return null;
        }
        if (!(slot instanceof String key)) {
            throw RpcException.invalidRequest("Invalid request: the idempotency key must be a string or nil");
        }
        return IdempotencyKey.check(key);
    }

    /** The call's result: {@code start}'s when {@code key} is null or new, else the kept (or running) one's. */
    CompletableFuture<Object> run(Caller caller, String key, String service, String method, Supplier<CompletableFuture<Object>> start) {
        if (key == null) {
            return start.get();
        }
        String principal = caller.principal() == null ? "" : "user:" + caller.principal().id();
        Key kept = new Key(principal, key, service, method);
        CompletableFuture<Result> outcome = results.get(kept, (k, executor) -> start.get()
                .handle((value, error) -> new Result(value, error == null ? weightOf(value) : -1, error)));
        return outcome.thenApply(result -> {
            if (result.error() != null || result.weight() < 0) {
                results.asMap().remove(kept, outcome); // a failed call may be tried again; a stream is not replayable
            }
            if (result.error() != null) {
                throw result.error() instanceof CompletionException wrapped ? wrapped : new CompletionException(result.error());
            }
            return result.value();
        });
    }

    private static int weightOf(Object value) {
        if (value == null) {
            return 0;
        }
        if (StreamSources.isStream(value)) {
            return -1; // not replayable; and encoding it to weigh it would drain an Iterator or a Stream
        }
        try {
            return NetronMsgpack.standard().encode(value).length;
        } catch (RuntimeException notPlainData) {
            return -1;
        }
    }
}
