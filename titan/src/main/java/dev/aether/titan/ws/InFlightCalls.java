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
     * Tracks {@code call} until its reply is written. A disconnect cancels it, which interrupts
     * the service method still running for a client that is gone.
     */
    <T> CompletableFuture<T> follow(CompletableFuture<T> call) {
        pending.add(call);
        if (closed) {
            call.cancel(true);
        }
        return call;
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
            call.cancel(true);
        }
        pending.clear();
        slots.set(0);
    }
}
