package dev.aether.titan.ws;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The calls one connection has in flight, capped. A slot is taken when a CALL arrives and given
 * back only when its reply has been written, so a client that stops reading cannot make the
 * server queue unbounded replies. On disconnect every pending call is cancelled: its reply is
 * dropped and nothing of the connection stays reachable from the still-running method.
 *
 * <pre>{@code
 * if (!calls.tryAcquire()) { reply 429 }
 * calls.follow(future).whenComplete((v, e) -> { calls.untrack(...); outbox.send(reply, calls::release); });
 * }</pre>
 */
final class InFlightCalls {
    private final int max;
    private final AtomicInteger slots = new AtomicInteger();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    InFlightCalls(int max) {
        this.max = max;
    }

    /** Takes a slot; false when the cap is reached or the connection is gone. */
    boolean tryAcquire() {
        while (true) {
            int n = slots.get();
            if (closed || n >= max) {
                return false;
            }
            if (slots.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    /** Gives a slot back (after the reply was written, or failed to be). */
    void release() {
        slots.updateAndGet(n -> n > 0 ? n - 1 : 0);
    }

    /**
     * A tracked copy of {@code call}. Disconnect cancels the copy, never the dispatcher's future:
     * cancelling that one would skip the dispatcher's own completion bookkeeping (its count of
     * calls in flight, which the graceful stop waits on).
     */
    <T> CompletableFuture<T> follow(CompletableFuture<T> call) {
        CompletableFuture<T> copy = new CompletableFuture<>();
        pending.add(copy);
        call.whenComplete((value, error) -> {
            if (error != null) {
                copy.completeExceptionally(error);
            } else {
                copy.complete(value);
            }
        });
        if (closed) {
            copy.cancel(false);
        }
        return copy;
    }

    void untrack(CompletableFuture<?> call) {
        pending.remove(call);
    }

    /** Calls whose reply has not been written yet. */
    int size() {
        return slots.get();
    }

    int max() {
        return max;
    }

    /** The connection is gone: cancel everything pending and refuse new calls. */
    void closeAll() {
        closed = true;
        for (CompletableFuture<?> call : pending) {
            call.cancel(false);
        }
        pending.clear();
        slots.set(0);
    }
}
