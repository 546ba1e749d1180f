package dev.aether.netron.client.ws;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Requests waiting for their reply, by packet id. Each has its own deadline: when it passes the
 * request fails with 408 and its id is forgotten, so a late reply is ignored. Futures are
 * completed on {@code executor}, never on the socket's reading thread, so slow user callbacks
 * cannot stall other replies.
 *
 * <pre>{@code
 * CompletableFuture<Object> reply = pending.open(id, Duration.ofSeconds(30), "calculator.add");
 * pending.complete(id, value);         // or fail(id, error); failAll(...) when the connection drops
 * }</pre>
 */
final class PendingCalls {
    // One daemon thread for every transport's deadlines; cancelled deadlines are removed at once.
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Executor executor;

    PendingCalls(Executor executor) {
        this.executor = executor;
    }

    private record Pending(CompletableFuture<Object> future, ScheduledFuture<?> deadline) {
    }

    /** Registers request {@code id}; false if the id is still in use (after a wrap-around). */
    boolean open(long id, CompletableFuture<Object> future, Duration timeout, String what) {
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> expire(id, timeout, what), timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (pending.putIfAbsent(id, new Pending(future, deadline)) != null) {
            deadline.cancel(false);
            return false;
        }
        return true;
    }

    /** Completes request {@code id}; false when it is no longer waited for (timed out, failed). */
    boolean complete(long id, Object value) {
        Pending p = take(id);
        if (p != null) {
            settle(() -> p.future().complete(value));
        }
        return p != null;
    }

    void fail(long id, Throwable error) {
        Pending p = take(id);
        if (p != null) {
            settle(() -> p.future().completeExceptionally(error));
        }
    }

    /**
     * Completes a future taken out of {@link #pending} on the executor. A call that raced with
     * close() can be failed after the executor was shut down: it is then completed here, since
     * nothing else would ever complete it (and the rejection must not escape to the caller).
     */
    private void settle(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException shutDown) {
            completion.run();
        }
    }

    /** Fails every pending request with its own exception (the connection is gone). */
    void failAll(Supplier<? extends NetronException> error) {
        for (Long id : pending.keySet()) {
            fail(id, error.get());
        }
    }

    int size() {
        return pending.size();
    }

    private Pending take(long id) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.deadline().cancel(false);
        }
        return p;
    }

    private void expire(long id, Duration timeout, String what) {
        Pending p = pending.remove(id);
        if (p != null) {
            p.future().completeExceptionally(RpcException.timeout(what + " timed out after " + timeout.toMillis() + " ms"));
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "netron-ws-deadlines");
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
