package dev.aether.netron.client.cache;

import dev.aether.netron.client.call.Call;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A guess written into the cache before the server answers (an optimistic update), settled once:
 * {@link #confirm(Object)} stores the real result, {@link #rollBack()} puts back what the entry
 * held before the guess, or drops it if there was nothing. A rollback never removes what a newer
 * write put there meanwhile.
 *
 * <pre>{@code
 * OptimisticWrite write = cache.writeOptimistically(findCall, renamedUser);
 * users.renameAsync(42, "Ada").whenComplete((user, error) -> {
 *     if (error == null) write.confirm(user); else write.rollBack();
 * });
 * }</pre>
 */
public final class OptimisticWrite {
    private final ResponseCache cache;
    private final Call call;
    private final CacheKey key;
    private final CacheEntry previous;
    private final CacheEntry written;
    private final AtomicBoolean settled = new AtomicBoolean();

    OptimisticWrite(ResponseCache cache, Call call, CacheKey key, CacheEntry previous, CacheEntry written) {
        this.cache = cache;
        this.call = call;
        this.key = key;
        this.previous = previous;
        this.written = written;
    }

    /** Replaces the guess with the server's result (only the first settling counts). */
    public void confirm(Object result) {
        if (settled.compareAndSet(false, true)) {
            cache.put(call, result);
        }
    }

    /** Puts back what was cached before the guess (only the first settling counts). */
    public void rollBack() {
        if (settled.compareAndSet(false, true)) {
            cache.restore(key, previous, written);
        }
    }
}
