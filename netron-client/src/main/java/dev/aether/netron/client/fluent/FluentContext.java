package dev.aether.netron.client.fluent;

import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CallOptions;
import dev.aether.netron.client.call.InterceptorChain;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What a fluent call needs from its client: the chain calls go through, the options they start
 * from, whom they are made for, the client's caches, and where background refreshes run.
 * {@code NetronClient.fluent(...)} builds it; applications do not.
 *
 * <pre>{@code
 * FluentCall<Users> users = FluentCall.of(Users.class, "users@1.0.0", new FluentContext(chain, defaults, "u-7", List.of(cache), scheduler));
 * }</pre>
 *
 * @param chain     the client's interceptor chain
 * @param defaults  the client's call options
 * @param principal whom calls are made for
 * @param caches    the caches of the client's cache interceptors, first one first (optimistic
 *                  updates and background refreshes write into the first)
 * @param scheduler where background refreshes run
 */
public record FluentContext(InterceptorChain chain, CallOptions defaults, String principal, List<ResponseCache> caches,
                            ScheduledExecutorService scheduler) {
    public FluentContext {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(defaults, "defaults");
        caches = List.copyOf(caches);
        Objects.requireNonNull(scheduler, "scheduler");
    }

    /** The cache optimistic updates and background refreshes write into. */
    ResponseCache cache(String what) {
        if (caches.isEmpty()) {
            throw new IllegalStateException(what + " needs a cache: build the client with a CacheInterceptor");
        }
        return caches.getFirst();
    }
}
