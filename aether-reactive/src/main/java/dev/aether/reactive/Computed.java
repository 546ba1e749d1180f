package dev.aether.reactive;

import java.lang.ref.WeakReference;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * A value derived from other reactive values, recomputed only when one of them changed and
 * someone reads it.
 *
 * <ul>
 *   <li><b>Lazy and memoised:</b> nothing runs until the first read; later reads return the
 *       cached value until a dependency changes.
 *   <li><b>Glitch-free:</b> after a write, a computed runs at most once and only sees values
 *       that are all current.
 *   <li><b>Equality stops propagation:</b> when a recomputation yields a value equal to the old
 *       one, dependents do not re-run.
 *   <li><b>Errors are cached:</b> an exception thrown by the function is re-thrown on every read
 *       until a dependency changes.
 *   <li><b>Cycles are reported</b> with a {@link CycleDetectedException} naming the nodes.
 *   <li>A computed that nothing observes is linked to its sources weakly, so it can be garbage
 *       collected as soon as the program drops it, yet writes still tell it precisely what changed.
 * </ul>
 *
 * <pre>{@code
 * Signal<String> first = signal("Ada"), last = signal("Lovelace");
 * Computed<String> full = computed(() -> first.get() + " " + last.get()).named("full");
 * full.get(); // "Ada Lovelace"
 * }</pre>
 */
public final class Computed<T> extends Node implements ReadSignal<T> {
    private static final BiPredicate<Object, Object> EQUALS = Objects::equals;

    private final Supplier<? extends T> fn;
    private final BiPredicate<? super T, ? super T> equality;
    /** The value, or the Throwable the function threw when {@link #FAILED} is set. */
    private Object value;
    /** How many strong links (from effects or strong computeds) point at this computed. */
    private int strongSubs;
    private WeakReference<Node> weakSelf;

    private Computed(ReactiveContext context, Supplier<? extends T> fn, BiPredicate<? super T, ? super T> equality) {
        super(context);
        this.fn = fn;
        this.equality = equality;
    }

    /** Created by {@link Reactive#computed(Supplier)}, the one way to make a computed. */
    static <T> Computed<T> of(Supplier<? extends T> fn) {
        return of(fn, EQUALS);
    }

    static <T> Computed<T> of(Supplier<? extends T> fn, BiPredicate<? super T, ? super T> equality) {
        return new Computed<>(ReactiveContext.current(), Objects.requireNonNull(fn, "fn"), Objects.requireNonNull(equality, "equality"));
    }

    /** Gives the computed a name for error messages and debugging; returns this. */
    public Computed<T> named(String name) {
        this.name = name;
        return this;
    }

    @Override
    public T get() {
        ReactiveContext ctx = context;
        ctx.checkThread(this);
        int f = flags;
        Node observer = ctx.observer;
        if ((f & RUNNING) != 0) {
            if (observer != null) {
                trackedBy(observer); // so the reader re-runs once the cycle is broken
            }
            throw new CycleDetectedException(this);
        }
        if ((f & DISPOSED) == 0) {
            if (observer != null && strongSubs == 0 && observer.strong()) {
                // About to gain a strong subscriber: whatever this refresh links is listed
                // strongly from the start, sparing a weak stand-in that would be replaced at once.
                strongSubs++;
                try {
                    refresh();
                } finally {
                    strongSubs--;
                }
            } else {
                refresh();
            }
            if (observer != null) {
                trackedBy(observer);
            }
        }
        return current();
    }

    @Override
    public T peek() {
        ReactiveContext ctx = context;
        ctx.checkThread(this);
        if ((flags & RUNNING) != 0) {
            throw new CycleDetectedException(this);
        }
        if ((flags & DISPOSED) == 0) {
            refresh();
        }
        return current();
    }

    /**
     * Stops the computed: it forgets its dependencies and keeps returning its last value.
     */
    public void dispose() {
        context.checkThread(this);
        if ((flags & DISPOSED) != 0) {
            return;
        }
        clearDependencies();
        flags = (flags | DISPOSED) & ~ATTACHED;
    }

    @SuppressWarnings("unchecked")
    private T current() {
        if ((flags & FAILED) != 0) {
            Throwable error = (Throwable) value;
            if (error instanceof RuntimeException re) {
                throw re;
            }
            if (error instanceof Error e) {
                throw e;
            }
            throw new ReactiveException("computed '" + describe() + "' failed", error);
        }
        return (T) value;
    }

    @Override
    void refresh() {
        int f = flags;
        if ((f & (DISPOSED | RUNNING)) != 0) {
            return;
        }
        int state = f & STATE;
        if ((f & HAS_VALUE) == 0 || state == DIRTY) {
            recompute();
        } else if (state == CHECK) {
            // Something upstream changed; recompute only if one of our own dependencies did.
            if (validateDependencies()) {
                recompute();
            } else {
                flags &= ~STATE;
            }
        }
    }

    /**
     * Whether a dependency changed. Marked running meanwhile: the links of a cyclic graph lead
     * back here, and a re-entrant validation must stop rather than recurse forever.
     */
    private boolean validateDependencies() {
        flags |= RUNNING;
        try {
            return dependenciesChanged();
        } finally {
            flags &= ~RUNNING;
        }
    }

    @SuppressWarnings("unchecked")
    private void recompute() {
        ReactiveContext ctx = context;
        Node prevObserver = ctx.observer;
        Owner prevOwner = ctx.owner;
        ctx.observer = this;
        ctx.owner = null;
        flags = (flags & ~STATE) | RUNNING | ATTACHED;
        startTracking();
        Object result;
        boolean failed = false;
        try {
            result = fn.get();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            if (t instanceof CycleDetectedException cycle) {
                cycle.passedThrough(this);
            }
            result = t;
            failed = true;
        } finally {
            ctx.observer = prevObserver;
            ctx.owner = prevOwner;
            flags &= ~RUNNING;
            endTracking();
        }
        int f = flags;
        boolean changed = failed || (f & (HAS_VALUE | FAILED)) != HAS_VALUE
                || !equality.test((T) value, (T) result);
        if (changed) {
            value = result;
            version++;
            flags = (f & ~FAILED) | HAS_VALUE | (failed ? FAILED : 0);
        }
    }

    @Override
    void mark(int state) {
        if (raise(state) == CLEAN) {
            markSubscribers(CHECK); // only the first mark since we were clean needs to travel
        }
    }

    @Override
    boolean strong() {
        return strongSubs > 0;
    }

    @Override
    WeakReference<Node> weakSelf() {
        WeakReference<Node> self = weakSelf;
        if (self == null) {
            weakSelf = self = new WeakReference<>(this);
        }
        return self;
    }

    @Override
    void strongSubscriberAdded() {
        if (strongSubs++ == 0) {
            strengthenDependencies();
        }
    }

    @Override
    void strongSubscriberRemoved() {
        if (--strongSubs == 0) {
            weakenDependencies();
        }
    }

    @Override
    public String toString() {
        return "Computed[" + describe() + "]";
    }
}
