package dev.aether.reactive;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The reactive core in one static import: signals, computeds, effects, batching, ownership and
 * resources. This is the one way to create reactive primitives ({@code signal}, {@code computed},
 * {@code effect}, {@code sharedSignal}, {@code resource}); the types themselves have no public
 * factories.
 *
 * <pre>{@code
 * import static dev.aether.reactive.Reactive.*;
 *
 * Signal<Integer> price = signal(10), quantity = signal(2);
 * Computed<Integer> total = computed(() -> price.get() * quantity.get());
 * Disposable view = createRoot(dispose -> {
 *     effect(() -> System.out.println("total = " + total.get()));   // total = 20
 *     return dispose;
 * });
 * batch(() -> { price.set(12); quantity.set(3); });                 // total = 36, once
 * view.dispose();
 * }</pre>
 *
 * <p>Everything here runs on the current thread's {@link ReactiveContext}; see that class for
 * the threading rules. The guide is {@code docs/reactivity.md}.
 */
public final class Reactive {
    private Reactive() {
    }

    /** A writable signal holding {@code initialValue}, in the current {@link ReactiveContext}; see {@link Signal}. */
    public static <T> Signal<T> signal(T initialValue) {
        return Signal.of(initialValue);
    }

    /**
     * A signal whose writes are ignored when {@code equality} says the new value equals the
     * current one. Use {@code (a, b) -> false} for a signal that notifies on every write.
     *
     * <pre>{@code
     * Signal<Point> p = signal(new Point(0, 0), (a, b) -> a.x() == b.x());   // only x matters
     * }</pre>
     */
    public static <T> Signal<T> signal(T initialValue, BiPredicate<? super T, ? super T> equality) {
        return Signal.of(initialValue, equality);
    }

    /** A derived value over {@code fn}, in the current {@link ReactiveContext}; see {@link Computed}. */
    public static <T> Computed<T> computed(Supplier<? extends T> fn) {
        return Computed.of(fn);
    }

    /** A computed whose dependents are not notified when a new value equals the old one. */
    public static <T> Computed<T> computed(Supplier<? extends T> fn, BiPredicate<? super T, ? super T> equality) {
        return Computed.of(fn, equality);
    }

    /**
     * A thread-safe value many contexts observe (state shared between live sessions); see
     * {@link SharedSignal}. It belongs to no context: any thread may create and write it.
     *
     * <pre>{@code
     * SharedSignal<Integer> online = sharedSignal(0);
     * }</pre>
     */
    public static <T> SharedSignal<T> sharedSignal(T initialValue) {
        return SharedSignal.of(initialValue);
    }

    /** A shared signal whose writes are ignored when {@code equality} holds. */
    public static <T> SharedSignal<T> sharedSignal(T initialValue, BiPredicate<? super T, ? super T> equality) {
        return SharedSignal.of(initialValue, equality);
    }

    /** An effect, run now and again whenever what it read changes; see {@link Effect}. */
    public static Effect effect(Runnable fn) {
        return Effect.of(fn);
    }

    /**
     * Calls {@code callback(newValue, oldValue)} each time {@code source} yields a different
     * value, but not for the current one (a deferred effect). Only {@code source} is tracked.
     *
     * <pre>{@code
     * watch(() -> user.get().id(), (id, previous) -> log.info("switched from {} to {}", previous, id));
     * }</pre>
     */
    public static <T> Effect watch(Supplier<? extends T> source, BiConsumer<? super T, ? super T> callback) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(callback, "callback");
        Object[] last = {null};
        boolean[] started = {false};
        return Effect.of(() -> {
            T now = source.get();
            if (!started[0]) {
                started[0] = true;
                last[0] = now;
                return;
            }
            @SuppressWarnings("unchecked")
            T before = (T) last[0];
            if (Objects.equals(now, before)) {
                return;
            }
            last[0] = now;
            untrack(() -> {
                callback.accept(now, before);
                return null;
            });
        });
    }

    /**
     * Runs {@code fn} with effects held back until it returns; nested batches flush once, at
     * the outermost. Computeds read inside the batch see the new values.
     */
    public static void batch(Runnable fn) {
        ReactiveContext ctx = ReactiveContext.current();
        ctx.checkThread(null);
        ctx.batchDepth++;
        try {
            fn.run();
        } finally {
            ctx.batchDepth--;
            ctx.flush(); // the writes made before a throw are real: their effects still run
        }
    }

    /** Runs {@code fn} without recording the reads it makes as dependencies. */
    public static <T> T untrack(Supplier<T> fn) {
        ReactiveContext ctx = ReactiveContext.current();
        Node observer = ctx.observer;
        if (observer == null) {
            return fn.get();
        }
        ctx.observer = null;
        try {
            return fn.get();
        } finally {
            ctx.observer = observer;
        }
    }

    /**
     * Creates an owner that nothing disposes automatically and runs {@code fn} inside it,
     * untracked. {@code fn} receives the handle that disposes the root and everything created
     * in it. Error handlers and context of the enclosing owner are still found from inside.
     */
    public static <T> T createRoot(Function<? super Disposable, ? extends T> fn) {
        ReactiveContext ctx = ReactiveContext.current();
        ctx.checkThread(null);
        Root root = new Root(ctx, ctx.owner);
        Node prevObserver = ctx.observer;
        Owner prevOwner = ctx.owner;
        ctx.observer = null;
        ctx.owner = root;
        try {
            return fn.apply(root);
        } finally {
            ctx.observer = prevObserver;
            ctx.owner = prevOwner;
        }
    }

    /**
     * Registers {@code cleanup} with the current owner: it runs, untracked, before the enclosing
     * effect re-runs, and when the owner is disposed. If the owner is already being disposed
     * (an effect that disposed itself and is still running), it runs at once.
     *
     * @throws IllegalStateException outside an effect or root
     */
    public static void onCleanup(Runnable cleanup) {
        Objects.requireNonNull(cleanup, "cleanup");
        currentOwner("onCleanup").addCleanup(cleanup);
    }

    /**
     * Registers {@code handler} for errors thrown by the current owner's effects, cleanups and
     * children. A handler that throws passes its exception to the next handler up.
     *
     * @throws IllegalStateException outside an effect or root
     */
    public static void onError(Consumer<? super Throwable> handler) {
        Objects.requireNonNull(handler, "handler");
        currentOwner("onError").addErrorHandler(handler);
    }

    /**
     * Whether a read right now would be tracked (code runs inside a computed or effect, not
     * inside {@link #untrack}). Collections use it to avoid bookkeeping for untracked reads.
     */
    public static boolean isTracking() {
        ReactiveContext ctx = ReactiveContext.currentOrNull();
        return ctx != null && ctx.isCurrent() && ctx.observer != null;
    }

    /** Whether code is running inside an effect or root right now. */
    public static boolean hasOwner() {
        ReactiveContext ctx = ReactiveContext.currentOrNull();
        return ctx != null && ctx.isCurrent() && ctx.owner != null;
    }

    /**
     * An asynchronous value: {@code fetcher} runs tracked (signals it reads re-trigger it) and
     * returns the future result; see {@link Resource}.
     */
    public static <T> Resource<T> resource(Supplier<? extends CompletionStage<? extends T>> fetcher) {
        return Resource.tracking(fetcher, null);
    }

    /**
     * An asynchronous value fetched for each value of {@code source}: the source is tracked,
     * the fetcher is not. A null source means "nothing to fetch yet" and leaves the resource
     * unresolved.
     */
    public static <S, T> Resource<T> resource(Supplier<? extends S> source,
                                              Function<? super S, ? extends CompletionStage<? extends T>> fetcher) {
        return Resource.create(source, fetcher, null);
    }

    private static Owner currentOwner(String caller) {
        ReactiveContext ctx = ReactiveContext.current();
        ctx.checkThread(null);
        Owner owner = ctx.owner;
        if (owner == null) {
            throw new IllegalStateException(caller + "(...) needs an owner: call it inside an effect, createRoot(...) or a component");
        }
        return owner;
    }
}
