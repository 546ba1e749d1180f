package dev.aether.netron.client.cache;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Answers calls that carry a {@link dev.aether.netron.client.call.CachePolicy} from a
 * {@link ResponseCache}; other calls pass straight on. Put it before deduplication and retry, so
 * a hit costs nothing else.
 *
 * <pre>{@code
 * ResponseCache cache = ResponseCache.create();
 * NetronClient client = NetronClient.builder(transport).interceptor(new CacheInterceptor(cache)).build();
 * }</pre>
 */
public final class CacheInterceptor implements CallInterceptor {
    private final ResponseCache cache;

    public CacheInterceptor(ResponseCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        Call call = chain.call();
        if (call.options().cache() == null) {
            return chain.proceed(call);
        }
        return cache.get(call, chain::proceed);
    }

    /** The cache this interceptor answers from. */
    public ResponseCache cache() {
        return cache;
    }
}
