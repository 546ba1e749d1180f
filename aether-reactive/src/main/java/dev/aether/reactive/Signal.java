package dev.aether.reactive;

import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A writable reactive value: the source of the graph.
 *
 * <p>{@link #get()} inside a computed or effect records a dependency; {@link #set} notifies the
 * dependents, unless the new value {@linkplain Reactive#signal(Object, BiPredicate) equals} the old one
 * (by {@link Objects#equals} unless told otherwise), in which case nothing happens.
 *
 * <pre>{@code
 * Signal<Integer> count = signal(0).named("count");
 * effect(() -> System.out.println("count = " + count.get())); // prints count = 0
 * count.set(1);                                            // prints count = 1
 * count.set(1);                                            // equal: nothing
 * count.update(n -> n + 1);                                // prints count = 2
 * batch(() -> { count.set(5); count.set(2); });            // back to 2 within the batch: nothing
 * }</pre>
 */
public final class Signal<T> extends Node implements ReadSignal<T> {
    private static final BiPredicate<Object, Object> EQUALS = Objects::equals;

    private T value;
    private final BiPredicate<? super T, ? super T> equality;
    /**
     * A value this signal held and the version it had then: at the start of the current round of
     * deferred writes (a batch, or effects running), so that writing it back restores the
     * version and readers that saw it have nothing to re-run for. Outside batches, the current
     * value, so that nothing older is kept alive.
     */
    private Object before;
    private int beforeVersion;

    private Signal(ReactiveContext context, T value, BiPredicate<? super T, ? super T> equality) {
        super(context);
        this.value = value;
        this.equality = equality;
        this.before = value;
    }

    /** Created by {@link Reactive#signal(Object)}, the one way to make a signal. */
    static <T> Signal<T> of(T value) {
        return of(value, EQUALS);
    }

    static <T> Signal<T> of(T value, BiPredicate<? super T, ? super T> equality) {
        return new Signal<>(ReactiveContext.current(), value, Objects.requireNonNull(equality, "equality"));
    }

    /** Gives the signal a name for error messages and debugging; returns this. */
    public Signal<T> named(String name) {
        this.name = name;
        return this;
    }

    @Override
    public T get() {
        ReactiveContext ctx = context;
        ctx.checkThread(this);
        Node observer = ctx.observer;
        if (observer != null) {
            trackedBy(observer);
        }
        return value;
    }

    @Override
    public T peek() {
        context.checkThread(this);
        return value;
    }

    /** Sets the value; dependents are notified when it differs from the current one. */
    public void set(T newValue) {
        ReactiveContext ctx = context;
        ctx.checkThread(this);
        T old = value;
        if (equality.test(old, newValue)) {
            return;
        }
        value = newValue;
        if (ctx.batchDepth == 0 && !ctx.flushing) {
            version = ++ctx.versions; // effects see this write at once
            before = newValue;
            beforeVersion = version;
        } else {
            deferredWrite(ctx, old, newValue);
        }
        changed(ctx);
    }

    /**
     * Versions a write that effects see only when the batch or the round of effects ends. Versions
     * come from the context's counter, so a version is never given out twice and one compared
     * with the current round's start tells whether this signal was written in the round already.
     */
    @SuppressWarnings("unchecked")
    private void deferredWrite(ReactiveContext ctx, T old, T newValue) {
        if (version - ctx.roundStart <= 0) {
            before = old; // first write of the round: what readers may have seen
            beforeVersion = version;
        } else if (equality.test((T) before, newValue)) {
            version = beforeVersion; // back to what readers saw before the round
            return;
        }
        version = ++ctx.versions;
    }

    /**
     * Sets the value from any thread: the write is posted to the signal's context and happens
     * there, in order with the context's other work. Use {@link #set} on the context itself.
     *
     * @throws java.util.concurrent.RejectedExecutionException if the context is closed
     */
    public void post(T newValue) {
        context.post(() -> set(newValue));
    }

    /** Sets the value to {@code fn(current)}. */
    public void update(UnaryOperator<T> fn) {
        set(fn.apply(peek()));
    }

    /**
     * Changes the current value in place (a mutable list, say) and notifies the dependents,
     * whatever the equality says.
     */
    public void mutate(Consumer<? super T> fn) {
        context.checkThread(this);
        fn.accept(value);
        // Changed in place: no earlier version describes the value any more.
        version = ++context.versions;
        before = value;
        beforeVersion = version;
        changed(context);
    }

    /**
     * Calls {@code listener} with each new value (not the current one) until the returned
     * handle is disposed. The listener runs untracked.
     */
    public Disposable subscribe(Consumer<? super T> listener) {
        Objects.requireNonNull(listener, "listener");
        boolean[] started = {false};
        // Not watch(): that compares values, and a mutate() notifies with the same object.
        return Effect.of(() -> {
            T now = get();
            if (started[0]) {
                Reactive.untrack(() -> {
                    listener.accept(now);
                    return null;
                });
            }
            started[0] = true;
        });
    }

    /** A read-only view, to hand out where writing is not allowed. */
    public ReadSignal<T> asReadOnly() {
        Signal<T> self = this;
        return new ReadSignal<>() {
            @Override
            public T get() {
                return self.get();
            }

            @Override
            public T peek() {
                return self.peek();
            }

            @Override
            public String toString() {
                return self.toString();
            }
        };
    }

    private void changed(ReactiveContext ctx) {
        if (subs != null) {
            markSubscribers(DIRTY);
            ctx.flush();
        }
    }

    @Override
    void mark(int state) {
        throw new AssertionError("a signal has no dependencies");
    }
}
