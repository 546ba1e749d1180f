package dev.aether.reactive;

import java.util.ArrayList;
import java.util.Objects;

/**
 * A side effect that re-runs whenever something it read changed.
 *
 * <p>An effect runs once when created, records what it reads, and re-runs after any of that
 * changes (once per update, after all computeds are current). Before each re-run, and when it
 * is disposed, it disposes the effects created inside its previous run and runs the cleanups
 * registered with {@link Reactive#onCleanup}. An exception it throws goes to the nearest
 * {@link Reactive#onError} handler and the effect stays alive. It belongs to the owner it was
 * created under and is disposed with it.
 *
 * <pre>{@code
 * Effect log = effect(() -> {
 *     String room = roomName.get();
 *     Connection c = chat.join(room);
 *     onCleanup(c::leave);              // leaves the old room before joining the new one
 * });
 * log.dispose();
 * }</pre>
 */
public final class Effect extends Owner implements Disposable {
    private final Runnable fn;

    private Effect(ReactiveContext context, Owner parent, Runnable fn) {
        super(context, parent);
        this.fn = fn;
        this.flags = ATTACHED;
    }

    /** Created by {@link Reactive#effect(Runnable)}, the one way to make an effect: runs it once. */
    static Effect of(Runnable fn) {
        Effect effect = create(fn);
        effect.run();
        return effect;
    }

    /** Creates an effect that is not run yet; {@link #run()} runs it the first time. */
    static Effect create(Runnable fn) {
        Objects.requireNonNull(fn, "fn");
        ReactiveContext ctx = ReactiveContext.current();
        ctx.checkThread(null);
        if (ctx.observer instanceof Computed<?> computed) {
            throw new ReactiveException("an effect was created while computed '" + computed.describe()
                    + "' was evaluating; computeds must be pure: create effects in an effect, a root or a component");
        }
        Owner parent = ctx.owner;
        Effect effect = new Effect(ctx, parent, fn);
        if (parent != null) {
            if (parent.isDisposed()) {
                // Created by code still running in a disposed owner: nothing would ever dispose it.
                effect.flags = DISPOSED;
            } else {
                parent.adopt(effect);
            }
        }
        return effect;
    }

    /** Gives the effect a name for error messages and debugging; returns this. */
    public Effect named(String name) {
        this.name = name;
        return this;
    }

    /** Whether the effect has been disposed (directly or with its owner). */
    public boolean disposed() {
        return isDisposed();
    }

    /** Stops the effect: runs its cleanups and forgets its dependencies. */
    @Override
    public void dispose() {
        context.checkThread(this);
        disposeOwner(true);
    }

    @Override
    void released() {
        clearDependencies();
        flags &= ~ATTACHED; // reads made later in a run that disposed itself attach nothing
    }

    @Override
    void mark(int state) {
        if (raise(state) >= 0 && (flags & (QUEUED | DISPOSED)) == 0) {
            flags |= QUEUED;
            context.enqueue(this);
        }
    }

    /**
     * Called by the flush: re-runs the effect if a dependency really changed. Stale enclosing
     * effects run first, since re-running them may dispose or replace this one.
     */
    void runIfStale() {
        if ((flags & DISPOSED) != 0 || (flags & STATE) == CLEAN) {
            return;
        }
        if (parent instanceof Effect) {
            ArrayList<Effect> staleAncestors = null;
            for (Owner o = parent; o instanceof Effect e; o = o.parent) {
                if ((e.flags & STATE) != CLEAN) {
                    if (staleAncestors == null) {
                        staleAncestors = new ArrayList<>(2);
                    }
                    staleAncestors.add(e);
                }
            }
            if (staleAncestors != null) {
                for (int i = staleAncestors.size() - 1; i >= 0; i--) {
                    staleAncestors.get(i).updateIfStale();
                }
            }
        }
        updateIfStale();
    }

    private void updateIfStale() {
        int f = flags;
        if ((f & DISPOSED) != 0 || (f & STATE) == CLEAN) {
            return;
        }
        // Also when a source was written directly (DIRTY): a write reverted within the batch
        // leaves the version the effect last saw, and then there is nothing to re-run for.
        if (!dependenciesChanged()) {
            flags &= ~STATE;
            return;
        }
        run();
    }

    /** Runs the function now, tracking what it reads. */
    void run() {
        ReactiveContext ctx = context;
        flags &= ~STATE; // a write during the run marks us again
        reset();
        if ((flags & DISPOSED) != 0) {
            return; // a cleanup disposed the effect (or it was born disposed): the run is cancelled
        }
        Node prevObserver = ctx.observer;
        Owner prevOwner = ctx.owner;
        ctx.observer = this;
        ctx.owner = this;
        ctx.batchDepth++; // writes made by the run take effect after it, never inside it
        startTracking();
        try {
            fn.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            handleError(t);
        } finally {
            ctx.observer = prevObserver;
            ctx.owner = prevOwner;
            endTracking();
            ctx.batchDepth--;
        }
        ctx.flush();
    }

    @Override
    public String toString() {
        return "Effect[" + describe() + "]";
    }
}
