package dev.aether.netron.client.priority;

import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.CallInterceptor;
import dev.aether.netron.client.call.Priority;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;

/**
 * Caps how many calls of a client are in flight at once, as a browser caps its connections to one
 * host; calls over the cap wait, and when one finishes the waiting call of the highest
 * {@link Priority} goes next (the earliest among equals). Put it last, just before the
 * transport, so that it counts requests on the wire, not cache hits.
 *
 * <pre>{@code
 * NetronClient client = NetronClient.builder(transport)
 *         .interceptor(new RetryInterceptor())
 *         .interceptor(new ConcurrencyLimitInterceptor(6))
 *         .build();
 * Users urgent = client.withOptions(o -> o.priority(Priority.HIGH)).service(Users.class);
 * }</pre>
 *
 * <p>A caller that cancels a waiting call takes it out of the queue. The time a call waits does
 * not count toward its timeout, which starts when it is sent.
 */
public final class ConcurrencyLimitInterceptor implements CallInterceptor {
    /** Six requests at once, as browsers allow per host over HTTP/1.1. */
    public static final int DEFAULT_MAX_CONCURRENT = 6;

    private static final Comparator<Waiting> ORDER = Comparator.comparing(Waiting::priority).thenComparingLong(Waiting::arrival);

    private final int maxConcurrent;
    private final PriorityQueue<Waiting> waiting = new PriorityQueue<>(ORDER); // guarded by this
    private int running; // guarded by this
    private long arrivals; // guarded by this

    /** A call that waits for a free slot. */
    private record Waiting(Priority priority, long arrival, Chain chain, CompletableFuture<Object> answer) {
    }

    /** At most {@value #DEFAULT_MAX_CONCURRENT} calls at once. */
    public ConcurrencyLimitInterceptor() {
        this(DEFAULT_MAX_CONCURRENT);
    }

    /** At most {@code maxConcurrent} calls at once. */
    public ConcurrencyLimitInterceptor(int maxConcurrent) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        this.maxConcurrent = maxConcurrent;
    }

    @Override
    public CompletableFuture<Object> intercept(Chain chain) {
        Call call = chain.call();
        CompletableFuture<Object> answer = new CompletableFuture<>();
        Waiting self;
        boolean now;
        synchronized (this) {
            self = new Waiting(call.options().priority(), arrivals++, chain, answer);
            now = running < maxConcurrent;
            if (now) {
                running++;
            } else {
                waiting.add(self);
            }
        }
        if (now) {
            send(self);
        } else {
            answer.whenComplete((value, error) -> {
                if (answer.isCancelled()) {
                    synchronized (this) {
                        waiting.remove(self);
                    }
                }
            });
        }
        return answer;
    }

    /** How many calls wait for a slot now. */
    public synchronized int waiting() {
        return waiting.size();
    }

    private void send(Waiting call) {
        CompletableFuture<Object> sent;
        try {
            sent = call.chain().proceed(call.chain().call());
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        sent.whenComplete((value, error) -> {
            if (error != null) {
                call.answer().completeExceptionally(error);
            } else {
                call.answer().complete(value);
            }
            sendNext();
        });
    }

    /** A slot is free: the next waiting call takes it, or it stays free. */
    private void sendNext() {
        Waiting next;
        synchronized (this) {
            next = waiting.poll();
            while (next != null && next.answer().isDone()) {
                next = waiting.poll(); // cancelled while waiting
            }
            if (next == null) {
                running--;
                return;
            }
        }
        send(next);
    }
}
