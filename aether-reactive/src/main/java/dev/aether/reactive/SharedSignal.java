package dev.aether.reactive;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

/**
 * A thread-safe value observed by many {@link ReactiveContext}s: the way to share state
 * between live sessions (a stock price, a chat room's messages, a feature flag).
 *
 * <p>Any thread may {@link #set} it. Reading it with {@link #get()} inside a context gives that
 * context a private mirror signal; each write posts one update to every mirroring context,
 * coalescing writes that arrive faster than the context runs. Each context therefore ends on
 * the latest value, without locks in the graph and without one slow session holding back the
 * others.
 *
 * <pre>{@code
 * SharedSignal<Integer> online = sharedSignal(0);
 * // in each session's context:
 * effect(() -> badge.setText(online.get() + " online"));
 * // from any thread:
 * online.update(n -> n + 1);
 * }</pre>
 */
public final class SharedSignal<T> {
    private final AtomicReference<T> value;
    private final BiPredicate<? super T, ? super T> equality;
    private final ConcurrentHashMap<ReactiveContext, Mirror> mirrors = new ConcurrentHashMap<>();

    private SharedSignal(T initialValue, BiPredicate<? super T, ? super T> equality) {
        this.value = new AtomicReference<>(initialValue);
        this.equality = equality;
    }

    /** Created by {@link Reactive#sharedSignal(Object)}, the one way to make a shared signal. */
    static <T> SharedSignal<T> of(T initialValue) {
        return new SharedSignal<>(initialValue, Objects::equals);
    }

    static <T> SharedSignal<T> of(T initialValue, BiPredicate<? super T, ? super T> equality) {
        return new SharedSignal<>(initialValue, Objects.requireNonNull(equality, "equality"));
    }

    /** The value, tracked in the calling thread's context. */
    public T get() {
        ReactiveContext ctx = ReactiveContext.current();
        ctx.checkThread(null);
        Mirror mirror = mirrors.get(ctx);
        if (mirror == null) {
            mirror = mirror(ctx);
        }
        if (ctx.isConfined()) {
            ctx.runPending();
        }
        return mirror.signal.get();
    }

    /** The latest value, from any thread, without tracking. */
    public T peek() {
        return value.get();
    }

    /** Sets the value from any thread and notifies every observing context. */
    public void set(T newValue) {
        T old = value.getAndSet(newValue);
        if (!equality.test(old, newValue)) {
            notifyContexts();
        }
    }

    /** Atomically replaces the value with {@code fn(current)}; returns the new value. */
    public T update(UnaryOperator<T> fn) {
        while (true) {
            T old = value.get();
            T next = fn.apply(old);
            if (value.compareAndSet(old, next)) {
                if (!equality.test(old, next)) {
                    notifyContexts();
                }
                return next;
            }
        }
    }

    /** How many contexts mirror this value now. */
    public int observerCount() {
        return mirrors.size();
    }

    private Mirror mirror(ReactiveContext ctx) {
        if (ctx.isClosed()) {
            throw new RejectedExecutionException("reactive context '" + ctx.name() + "' is closed");
        }
        Mirror created = new Mirror(ctx);
        Mirror existing = mirrors.putIfAbsent(ctx, created);
        if (existing != null) {
            return existing;
        }
        ctx.onClose(() -> mirrors.remove(ctx));
        created.signal.set(value.get()); // catch a write that raced with registration
        return created;
    }

    private void notifyContexts() {
        for (Mirror mirror : mirrors.values()) {
            mirror.schedule();
        }
    }

    /** One context's copy of the value. */
    private final class Mirror {
        final ReactiveContext context;
        final Signal<T> signal;
        final AtomicBoolean pending = new AtomicBoolean();

        Mirror(ReactiveContext context) {
            this.context = context;
            this.signal = Signal.of(value.get(), equality);
        }

        void schedule() {
            if (pending.compareAndSet(false, true)) {
                try {
                    context.post(this::sync);
                } catch (RejectedExecutionException closed) {
                    mirrors.remove(context);
                }
            }
        }

        private void sync() {
            pending.set(false); // before reading: a write after this read schedules another sync
            signal.set(value.get());
        }
    }
}
