package dev.aether.reactive;

import java.util.ArrayList;
import java.util.function.Consumer;

/**
 * A scope that owns what is created inside it: child owners (effects, roots), cleanups and
 * error handlers. Disposing an owner disposes its children in reverse order of creation, then
 * runs its cleanups in reverse order of registration.
 *
 * <p>Cleanups always run untracked: what they read becomes nobody's dependency, whichever
 * effect happens to be running when the owner is disposed. An owner counts as disposed from the
 * moment its disposal starts; a cleanup registered with it after that (by code still running
 * inside an effect that disposed itself, say) runs at once, and an effect created under it is
 * born disposed and never runs. Nothing can attach to a dead owner and be forgotten there.
 *
 * <p>An owner with a {@code lookupParent} but no place in that parent's children (a nested
 * root) is found by error and context look-ups yet never disposed by the parent.
 */
abstract sealed class Owner extends Node permits Effect, Root {
    /** Where errors and context are looked up; also the owner this one is a child of, if any. */
    final Owner parent;
    // Package-private for the bookkeeping tests, like Node's links.
    Owner firstChild, lastChild, prevSibling, nextSibling;
    /** A Runnable, or an ArrayList of them. */
    private Object cleanups;
    /** A Consumer of Throwable, or an ArrayList of them. */
    private Object errorHandlers;

    Owner(ReactiveContext context, Owner parent) {
        super(context);
        this.parent = parent;
    }

    final boolean isDisposed() {
        return (flags & DISPOSED) != 0;
    }

    final void adopt(Owner child) {
        child.prevSibling = lastChild;
        if (lastChild != null) {
            lastChild.nextSibling = child;
        } else {
            firstChild = child;
        }
        lastChild = child;
    }

    private void disown(Owner child) {
        if (child.prevSibling != null) {
            child.prevSibling.nextSibling = child.nextSibling;
        } else if (firstChild == child) {
            firstChild = child.nextSibling;
        }
        if (child.nextSibling != null) {
            child.nextSibling.prevSibling = child.prevSibling;
        } else if (lastChild == child) {
            lastChild = child.prevSibling;
        }
        child.prevSibling = child.nextSibling = null;
    }

    @SuppressWarnings("unchecked")
    final void addCleanup(Runnable cleanup) {
        if ((flags & DISPOSED) != 0) {
            runCleanups(cleanup); // nothing would ever run it later
            return;
        }
        if (cleanups == null) {
            cleanups = cleanup;
        } else if (cleanups instanceof ArrayList<?> list) {
            ((ArrayList<Runnable>) list).add(cleanup);
        } else {
            ArrayList<Runnable> list = new ArrayList<>(4);
            list.add((Runnable) cleanups);
            list.add(cleanup);
            cleanups = list;
        }
    }

    @SuppressWarnings("unchecked")
    final void addErrorHandler(Consumer<? super Throwable> handler) {
        if (errorHandlers == null) {
            errorHandlers = handler;
        } else if (errorHandlers instanceof ArrayList<?> list) {
            ((ArrayList<Consumer<? super Throwable>>) list).add(handler);
        } else {
            ArrayList<Consumer<? super Throwable>> list = new ArrayList<>(2);
            list.add((Consumer<? super Throwable>) errorHandlers);
            list.add(handler);
            errorHandlers = list;
        }
    }

    /**
     * Disposes the children and runs the cleanups, newest first, leaving the owner usable (an
     * effect does this before each re-run).
     */
    final void reset() {
        for (Owner child = lastChild; child != null; ) {
            Owner previous = child.prevSibling;
            child.disposeOwner(false);
            child = previous;
        }
        firstChild = lastChild = null;
        Object pending = cleanups;
        if (pending != null) {
            cleanups = null;
            runCleanups(pending);
        }
        // Cleared last so that a failing cleanup still reaches the handler registered beside it.
        errorHandlers = null;
    }

    /**
     * Runs a cleanup, or a list of them newest first, untracked: {@code dispose()} may be called
     * inside another effect, whose dependencies a cleanup's reads must not become.
     */
    private void runCleanups(Object pending) {
        ReactiveContext ctx = context;
        Node observer = ctx.observer;
        ctx.observer = null;
        try {
            if (pending instanceof ArrayList<?> list) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    runCleanup((Runnable) list.get(i));
                }
            } else {
                runCleanup((Runnable) pending);
            }
        } finally {
            ctx.observer = observer;
        }
    }

    private void runCleanup(Runnable cleanup) {
        try {
            cleanup.run();
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            handleError(t);
        }
    }

    /**
     * Disposes this owner: children, cleanups, then its own resources.
     *
     * @param detach whether to leave the parent's list of children (false when the parent is
     *               disposing all of them anyway)
     */
    final void disposeOwner(boolean detach) {
        if ((flags & DISPOSED) != 0) {
            return;
        }
        // Disposed from here on, so that whatever the cleanups attach is not left behind.
        flags |= DISPOSED;
        reset();
        released();
        if (detach && parent != null && parent.firstChild != null) {
            parent.disown(this);
        }
    }

    /** Frees what the subclass holds once children and cleanups are done. */
    void released() {
    }

    /**
     * Sends an error to the nearest handler, starting with this owner's own; errors thrown by a
     * handler go further up. Unhandled errors go to the context's uncaught-error handler.
     */
    @SuppressWarnings("unchecked")
    final void handleError(Throwable error) {
        Throwable current = error;
        for (Owner owner = this; owner != null; owner = owner.parent) {
            Object handlers = owner.errorHandlers;
            if (handlers == null) {
                continue;
            }
            Consumer<? super Throwable> handler = handlers instanceof ArrayList<?> list
                    ? (Consumer<? super Throwable>) list.get(list.size() - 1)
                    : (Consumer<? super Throwable>) handlers;
            try {
                handler.accept(current);
                return;
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                if (t != current) {
                    t.addSuppressed(current);
                }
                current = t;
            }
        }
        context.reportUncaught(current);
    }

    @Override
    void mark(int state) {
        throw new AssertionError("only effects are marked");
    }
}
