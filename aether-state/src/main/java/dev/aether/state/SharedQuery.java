package dev.aether.state;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.SharedSignal;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * One query entry shared by every owner that observes its key, whatever session or thread they
 * run on: the data, its status, and at most one fetch at a time. It is thread-safe; its state is
 * a {@link SharedSignal}, so each observing context gets one coalesced update posted to it per
 * change and reads it on its own thread (docs/state.md, "Threading").
 */
final class SharedQuery {
    /** Starts one fetch of the entry's call: through the client's cache, or past it. */
    @FunctionalInterface
    interface Fetcher {
        CompletableFuture<Object> fetch(boolean pastTheCache);
    }

    final QueryKey key;
    final SharedSignal<Snapshot> state = Reactive.sharedSignal(Snapshot.EMPTY, (a, b) -> a == b);
    final Duration gcTime;
    private final Fetcher fetcher;
    private final Duration maxAge;
    private final boolean structuralSharing;
    private final boolean refetchOnReconnect;
    private final Ticker ticker;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger fetches = new AtomicInteger();

    // guarded by this
    private int observers;
    private CompletableFuture<Object> inFlight;
    private int generation;
    private ScheduledFuture<?> staleTimer;

    SharedQuery(QueryKey key, Fetcher fetcher, QueryOptions<?> options, Ticker ticker, ScheduledExecutorService scheduler) {
        this.key = key;
        this.fetcher = fetcher;
        this.maxAge = options.maxAge();
        this.structuralSharing = options.structuralSharing();
        this.refetchOnReconnect = options.refetchOnReconnect();
        this.gcTime = options.gcTime();
        this.ticker = ticker;
        this.scheduler = scheduler;
        if (options.initialData() != null) {
            state.set(Snapshot.EMPTY.succeeded(options.initialData(), maxAge.isZero(), ticker.read()));
            scheduleStale();
        }
    }

    /** Counts an observer in; returns how many there are now. */
    synchronized int observe() {
        return ++observers;
    }

    /** Counts an observer out; the last one out cancels the fetch nobody waits for any more. */
    synchronized int forget() {
        if (--observers == 0 && inFlight != null) {
            CompletableFuture<Object> abandoned = inFlight;
            inFlight = null;
            generation++;
            abandoned.cancel(true);
            state.update(s -> s.fetching(false));
        }
        return observers;
    }

    synchronized boolean observed() {
        return observers > 0;
    }

    /** How many fetches this entry started (what the tests and the benchmark count). */
    int fetchCount() {
        return fetches.get();
    }

    /**
     * Joins the fetch running now, or starts one. {@code pastTheCache}: the client's cache must
     * not answer (a refetch); {@code restart}: a running fetch may bring old data (an
     * invalidation), so a new one starts and the old one's answer is dropped.
     */
    CompletableFuture<Object> fetch(boolean pastTheCache, boolean restart) {
        CompletableFuture<Object> started;
        int fetch;
        synchronized (this) {
            if (inFlight != null && !restart) {
                return inFlight.copy();
            }
            fetch = ++generation;
            fetches.incrementAndGet();
            state.update(s -> s.fetching(true));
            try {
                started = fetcher.fetch(pastTheCache);
            } catch (RuntimeException e) {
                started = CompletableFuture.failedFuture(e);
            }
            inFlight = started;
        }
        started.whenComplete((value, error) -> settle(fetch, value, error));
        return started.copy();
    }

    private void settle(int fetch, Object value, Throwable error) {
        synchronized (this) {
            if (fetch != generation) {
                return; // replaced by a newer fetch, an optimistic write, or abandoned
            }
            inFlight = null;
        }
        Throwable cause = unwrap(error);
        if (cause instanceof CancellationException) {
            state.update(s -> s.fetching(false));
        } else if (cause != null) {
            state.update(s -> s.failed(cause));
        } else {
            long now = ticker.read();
            state.update(s -> s.succeeded(structuralSharing && s.hasData() ? StructuralSharing.share(s.data(), value) : value,
                    maxAge.isZero(), now));
            scheduleStale();
        }
    }

    /** Marks the data stale; refetches it (past the cache, restarting a running fetch) when observed. Returns whether it refetched. */
    boolean invalidate() {
        state.update(s -> s.stale(true));
        if (observed()) {
            fetch(true, true);
            return true;
        }
        return false;
    }

    /** After a reconnect: refetches observed, stale entries that ask for it. */
    void reconnected() {
        if (refetchOnReconnect && observed() && state.peek().stale()) {
            fetch(true, false);
        }
    }

    /**
     * Replaces the data at once (an optimistic update), dropping the answer of a fetch running
     * now; {@link Written#undo()} puts back what was there before.
     */
    Written write(UnaryOperator<Object> update) {
        Snapshot[] before = new Snapshot[1];
        Object[] written = new Object[1];
        synchronized (this) {
            generation++;
            inFlight = null;
            long now = ticker.read();
            state.update(s -> {
                before[0] = s;
                written[0] = update.apply(s.data());
                return s.succeeded(written[0], maxAge.isZero(), now);
            });
        }
        return new Written(this, before[0], written[0]);
    }

    /** An optimistic write into one entry, undone unless something replaced its data meanwhile. */
    record Written(SharedQuery query, Snapshot before, Object data) {
        void undo() {
            query.state.update(s -> s.data() == data ? before : s);
        }
    }

    private synchronized void scheduleStale() {
        if (maxAge.isZero() || maxAge.compareTo(Duration.ofDays(365)) > 0) {
            return;
        }
        if (staleTimer != null) {
            staleTimer.cancel(false);
        }
        long at = state.peek().updatedAt();
        staleTimer = scheduler.schedule(() -> state.update(s -> s.updatedAt() == at ? s.stale(true) : s),
                maxAge.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static Throwable unwrap(Throwable error) {
        while (error instanceof CompletionException && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    @Override
    public String toString() {
        return "SharedQuery[" + key.text() + ", " + state.peek().status() + "]";
    }
}
