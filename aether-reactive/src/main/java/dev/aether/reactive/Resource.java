package dev.aether.reactive;

import java.util.Objects;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A value that arrives asynchronously, with its loading state as signals.
 *
 * <p>A resource runs its fetcher when created and again whenever a signal read by its source
 * changes, or on {@link #refetch()}. While a new value is on its way the previous data stays
 * readable ({@link State#REFRESHING}); a result that arrives after a newer fetch has started is
 * dropped. Results completed on other threads are posted back to the resource's context.
 *
 * <pre>{@code
 * Signal<Long> userId = signal(1L);
 * Resource<User> user = resource(userId, id -> users.find(id)); // CompletableFuture<User>
 * effect(() -> {
 *     switch (user.state()) {
 *         case PENDING -> render("loading...");
 *         case ERRORED -> render("failed: " + user.error().getMessage());
 *         default -> render(user.get().name());
 *     }
 * });
 * userId.set(2L); // refetches, keeps showing user 1 (REFRESHING) until user 2 arrives
 * }</pre>
 *
 * <p>On a thread-confined context (a test, {@code main}), results from other threads are applied
 * when the thread reads the resource outside a computation, or calls
 * {@link ReactiveContext#runPending()}.
 */
public final class Resource<T> implements ReadSignal<T> {
    /** Where a resource is in its life. */
    public enum State {
        /** No fetch started: the source was null. */
        UNRESOLVED,
        /** The first fetch is under way; there is no data yet. */
        PENDING,
        /** The latest fetch succeeded. */
        READY,
        /** A new fetch is under way; the previous data is still there. */
        REFRESHING,
        /** The latest fetch failed; see {@link #error()}. */
        ERRORED
    }

    private final ReactiveContext context;
    private final Signal<T> data;
    private final Signal<Throwable> error = Reactive.signal(null);
    private final Signal<State> state = Reactive.signal(State.UNRESOLVED);
    private final Effect tracker;
    /** Starts the latest fetch again (for {@link #refetch()}), or null before the first one. */
    private Supplier<? extends CompletionStage<? extends T>> lastFetch;
    private boolean hasData;
    private boolean disposed;
    private int generation;

    /** {@code fetchOnChange} is the tracker effect's body; every field it uses is set before it first runs. */
    private Resource(Consumer<Resource<T>> fetchOnChange, T initialValue) {
        this.context = ReactiveContext.current();
        this.data = Reactive.signal(initialValue);
        this.hasData = initialValue != null;
        if (hasData) {
            state.set(State.READY);
        }
        this.tracker = Reactive.effect(() -> fetchOnChange.accept(this));
    }

    /** A resource that fetches for each non-null value of {@code source}; only the source is tracked. */
    static <S, T> Resource<T> create(Supplier<? extends S> source,
                                     Function<? super S, ? extends CompletionStage<? extends T>> fetcher, T initialValue) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(fetcher, "fetcher");
        return new Resource<T>(self -> {
            S s = source.get();
            if (s != null) {
                Reactive.untrack(() -> {
                    self.load(() -> fetcher.apply(s));
                    return null;
                });
            }
        }, initialValue);
    }

    /** A resource whose fetcher runs tracked: signals it reads while starting a fetch re-trigger it. */
    static <T> Resource<T> tracking(Supplier<? extends CompletionStage<? extends T>> fetcher, T initialValue) {
        Objects.requireNonNull(fetcher, "fetcher");
        return new Resource<T>(self -> self.load(fetcher), initialValue);
    }

    /** The latest data (tracked), or the initial value, or null before the first result. */
    @Override
    public T get() {
        pump();
        return data.get();
    }

    @Override
    public T peek() {
        pump();
        return data.peek();
    }

    /** The state (tracked). */
    public State state() {
        pump();
        return state.get();
    }

    /** Whether a fetch is under way (tracked). */
    public boolean loading() {
        State s = state();
        return s == State.PENDING || s == State.REFRESHING;
    }

    /** The error of the latest fetch, or null (tracked). */
    public Throwable error() {
        pump();
        return error.get();
    }

    /** Fetches again for the last source value; the previous data stays until the result. */
    public void refetch() {
        context.checkThread(null);
        if (lastFetch != null) {
            Reactive.untrack(() -> {
                load(lastFetch);
                return null;
            });
        }
    }

    /** Replaces the data locally (an optimistic update), without fetching. */
    public void mutate(T value) {
        Reactive.batch(() -> {
            data.set(value);
            error.set(null);
            state.set(State.READY);
            hasData = true;
        });
    }

    /** Stops tracking the source and drops any result still on its way. */
    public void dispose() {
        tracker.dispose();
        disposed = true;
        generation++;
    }

    /** Starts a fetch; runs inside the tracker effect, so what {@code fetch} reads may be tracked. */
    private void load(Supplier<? extends CompletionStage<? extends T>> fetchFn) {
        lastFetch = fetchFn;
        int fetch = ++generation;
        state.set(hasData ? State.REFRESHING : State.PENDING);
        CompletionStage<? extends T> stage;
        try {
            stage = Objects.requireNonNull(fetchFn.get(), "the fetcher returned null instead of a CompletionStage");
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            settle(fetch, null, t);
            return;
        }
        stage.whenComplete((value, failure) -> {
            if (context.isCurrent()) {
                settle(fetch, value, failure);
            } else if (!context.isClosed()) {
                context.post(() -> settle(fetch, value, failure));
            }
        });
    }

    private void settle(int fetch, T value, Throwable failure) {
        if (fetch != generation || disposed || (tracker != null && tracker.disposed())) {
            return; // a newer fetch started, or the resource is gone
        }
        Reactive.batch(() -> {
            if (failure != null) {
                error.set(unwrap(failure));
                state.set(State.ERRORED);
            } else {
                data.set(value);
                hasData = true;
                error.set(null);
                state.set(State.READY);
            }
        });
    }

    private void pump() {
        if (context.isConfined() && context.isCurrent()) {
            context.runPending();
        }
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    @Override
    public String toString() {
        return "Resource[" + state.peek() + "]";
    }
}
