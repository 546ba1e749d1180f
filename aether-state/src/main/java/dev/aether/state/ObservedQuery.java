package dev.aether.state;

import dev.aether.netron.client.recording.RecordedCall;
import dev.aether.reactive.Computed;
import dev.aether.reactive.Effect;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.ReadSignal;
import dev.aether.reactive.Signal;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import static dev.aether.reactive.Reactive.computed;
import static dev.aether.reactive.Reactive.effect;
import static dev.aether.reactive.Reactive.signal;
import static dev.aether.reactive.Reactive.untrack;

/**
 * One owner's view of a shared entry, on the owner's context: which entry (the key follows the
 * signals the call lambda reads), what to show (the entry's data, the previous key's, or the
 * placeholder) and when to fetch (mount, enabled, interval). Made by {@link AetherState#query}.
 */
final class ObservedQuery<T> implements Query<T> {
    /** What a query needs from its {@link AetherState}: the entry for a call, and where timers run. */
    interface Entries {
        SharedQuery observe(RecordedCall call, QueryOptions<?> options);

        void forget(SharedQuery entry);

        ScheduledExecutorService scheduler();
    }

    private final Entries entries;
    private final QueryOptions<T> options;
    private final ReactiveContext context = ReactiveContext.current();
    private final Signal<SharedQuery> entry = signal(null, (a, b) -> a == b);
    private final Signal<Object> previous = signal(null, (a, b) -> a == b);
    private final Computed<Snapshot> snapshot;
    private final Computed<T> data;
    private final Computed<Boolean> placeholderShown;
    private final Computed<QueryStatus> status;
    private final Computed<Throwable> error;
    private final Computed<Boolean> fetching;
    private final Computed<Boolean> stale;
    private final Effect tracker;
    private ScheduledFuture<?> interval;
    private SharedQuery current;
    private boolean enabled;
    private boolean disposed;

    @SuppressWarnings("unchecked")
    <S> ObservedQuery(Entries entries, Class<S> contract, Function<? super S, ? extends T> call, boolean returnsFuture,
                      QueryOptions<T> options) {
        this.entries = entries;
        this.options = options;
        this.snapshot = computed(() -> {
            SharedQuery shown = entry.get();
            return shown == null ? Snapshot.EMPTY : shown.state.get();
        }, (a, b) -> a == b);
        // Identity, not equals: structural sharing keeps unchanged data the same object, so readers re-run only for real changes.
        this.data = computed(() -> {
            Snapshot now = snapshot.get();
            if (now.hasData()) {
                return (T) now.data();
            }
            Object before = previous.get();
            return before != null ? (T) before : options.placeholderData();
        }, (a, b) -> a == b);
        this.placeholderShown = computed(() -> !snapshot.get().hasData() && data.get() != null);
        this.status = computed(() -> {
            Snapshot now = snapshot.get();
            return now.status() == QueryStatus.PENDING && placeholderShown.get() ? QueryStatus.SUCCESS : now.status();
        });
        this.error = computed(() -> snapshot.get().error(), (a, b) -> a == b);
        this.fetching = computed(() -> snapshot.get().fetching());
        this.stale = computed(() -> snapshot.get().stale());
        this.tracker = effect(() -> track(contract, call, returnsFuture));
        dev.aether.reactive.Reactive.onCleanup(this::dispose);
        if (options.refetchInterval() != null) {
            startInterval(options.refetchInterval());
        }
    }

    /** Runs in the tracker effect: the signals the call and {@code enabled} read are its dependencies. */
    private <S> void track(Class<S> contract, Function<? super S, ? extends T> call, boolean returnsFuture) {
        Supplier<Boolean> enabledSignal = options.enabled();
        boolean on = enabledSignal == null || Boolean.TRUE.equals(enabledSignal.get());
        RecordedCall recorded = RecordedCall.of(contract, call);
        if (recorded.returnsFuture() != returnsFuture) {
            throw new IllegalArgumentException(recorded.method().getName() + (returnsFuture
                    ? " does not return a future: use query(...)" : " returns a future: use queryAsync(...), whose data is the future's value"));
        }
        untrack(() -> {
            SharedQuery next = entries.observe(recorded, options);
            if (next == current) {
                entries.forget(next); // the same entry: observed once is enough
            } else {
                SharedQuery left = current;
                if (left != null) {
                    previous.set(options.keepPreviousData() ? data.peek() : null);
                    entries.forget(left);
                }
                current = next;
                entry.set(next);
            }
            enabled = on;
            if (on) {
                fetchOnMount(next);
            }
            return null;
        });
    }

    private void fetchOnMount(SharedQuery shown) {
        Snapshot now = shown.state.peek();
        if (!now.hasData()) {
            shown.fetch(false, false);   // joins a fetch already running for it
        } else if (now.stale() && options.refetchOnMount() && !now.fetching()) {
            shown.fetch(true, false);
        }
    }

    private void startInterval(Duration every) {
        long nanos = every.toNanos();
        interval = entries.scheduler().scheduleAtFixedRate(() -> {
            try {
                context.post(() -> {
                    if (!disposed && enabled && current != null) {
                        current.fetch(true, false);
                    }
                });
            } catch (RejectedExecutionException closed) {
                interval.cancel(false);
            }
        }, nanos, nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public ReadSignal<T> data() {
        return data;
    }

    @Override
    public ReadSignal<Throwable> error() {
        return error;
    }

    @Override
    public ReadSignal<QueryStatus> status() {
        return status;
    }

    @Override
    public ReadSignal<Boolean> isFetching() {
        return fetching;
    }

    @Override
    public ReadSignal<Boolean> isStale() {
        return stale;
    }

    @Override
    public ReadSignal<Boolean> isPlaceholderData() {
        return placeholderShown;
    }

    @Override
    public <R> ReadSignal<R> select(Function<? super T, ? extends R> selector) {
        Objects.requireNonNull(selector, "selector");
        return computed(() -> {
            T now = data.get();
            return now == null ? null : selector.apply(now);
        });
    }

    @Override
    @SuppressWarnings("unchecked")
    public CompletableFuture<T> refetch() {
        SharedQuery shown = current;
        if (shown == null || disposed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the query is disposed"));
        }
        return (CompletableFuture<T>) (CompletableFuture<?>) shown.fetch(true, false);
    }

    @Override
    public QueryKey key() {
        SharedQuery shown = current;
        return shown == null ? null : shown.key;
    }

    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        tracker.dispose();
        if (interval != null) {
            interval.cancel(false);
        }
        if (current != null) {
            entries.forget(current);
        }
    }

    @Override
    public String toString() {
        return "Query[" + (current == null ? "-" : current.key.text()) + "]";
    }
}
