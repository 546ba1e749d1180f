package dev.aether.netron.client.dedupe;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.client.call.CallKey;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Concurrent identical calls (same service, method, arguments, result type and principal) share
 * one request: the first goes on down the chain, the others wait for its answer. Only calls
 * whose options ask for it ({@code dedupe(true)}, or a {@code dedupeKey} naming what calls that
 * differ in their arguments fetch all the same) are shared; once the answer arrives, the next
 * identical call makes a new request.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.builder(transport).interceptor(new DeduplicationInterceptor()).build();
 * Users users = client.withOptions(o -> o.dedupe(true)).service(Users.class);
 * }</pre>
 *
 * <p>Each caller gets its own future: cancelling one (an interrupted blocking call) does not
 * cancel the request the others wait on.
 */
public final class DeduplicationInterceptor implements CallInterceptor {
    private final ConcurrentHashMap<Key, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();

    /** What makes two calls identical; the result type counts because the transport converts to it. */
    private record Key(String principal, Type resultType, String call) {
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        Call call = chain.call();
        if (!call.options().dedupe()) {
            return chain.proceed(call);
        }
        String what = call.options().dedupeKey() != null ? "key:" + call.options().dedupeKey() : CallKey.of(call);
        Key key = new Key(call.principal(), call.resultType(), what);
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> shared = inFlight.putIfAbsent(key, mine);
        if (shared == null) {
            shared = mine;
            chain.proceed(call).whenComplete((value, error) -> {
                inFlight.remove(key, mine); // before completing: a call made after the answer asks again
                if (error != null) {
                    mine.completeExceptionally(error);
                } else {
                    mine.complete(value);
                }
            });
        }
        return shared.copy();
    }

    /** How many distinct requests are in flight now. */
    public int inFlight() {
        return inFlight.size();
    }
}
