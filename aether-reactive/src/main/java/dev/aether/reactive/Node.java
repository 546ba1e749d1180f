package dev.aether.reactive;

/**
 * A vertex of the reactive graph and the algorithm that keeps it consistent.
 *
 * <p>Writes push a cheap mark down the graph ({@link #DIRTY} on the writer's direct readers,
 * {@link #CHECK} "maybe dirty" below them) and queue the effects they reach. Reads pull: a
 * marked node asks its dependencies, in the order it last read them, to bring themselves up to
 * date and compares their {@link #version} with the one it saw. That is what makes the graph
 * glitch-free (a node recomputes at most once per change and only after everything it read is
 * current) and lets custom equality stop propagation.
 *
 * <p>A computed nobody observes is <em>disconnected</em>: it keeps its list of dependencies but
 * is not in their subscriber lists, so they hold no reference to it and it can be garbage
 * collected. It validates itself on read by comparing versions instead of waiting for marks.
 *
 * <p>Every field is touched only on the owning context's thread, so nothing here is volatile
 * or locked.
 */
abstract class Node {
    static final int CLEAN = 0;
    static final int CHECK = 1;
    static final int DIRTY = 2;
    static final int STATE = 3;
    /** A computed that is evaluating now: reading it again is a cycle. */
    static final int RUNNING = 1 << 2;
    /** A computed whose cached value is a Throwable. */
    static final int FAILED = 1 << 3;
    static final int DISPOSED = 1 << 4;
    /** An effect waiting in its context's queue. */
    static final int QUEUED = 1 << 5;
    /** A computed that has a value (or an error) cached. */
    static final int HAS_VALUE = 1 << 6;
    /** In its dependencies' subscriber lists: effects always, computeds while observed. */
    static final int CONNECTED = 1 << 7;

    final ReactiveContext context;
    Link deps, depsTail;
    Link subs, subsTail;
    int flags;
    int version;
    String name;

    Node(ReactiveContext context) {
        this.context = context;
    }

    /** Marks this node stale ({@link #CHECK} or {@link #DIRTY}) and passes the news on. */
    abstract void mark(int state);

    /** Brings the node's value up to date; a no-op for plain signals. */
    void refresh() {
    }

    /** Called when the first subscriber links to this node. */
    void firstSubscriberAdded() {
    }

    /** Called when the last subscriber unlinked from this node. */
    void lastSubscriberRemoved() {
    }

    final String describe() {
        return name != null ? name : getClass().getSimpleName().toLowerCase() + "@" + Integer.toHexString(System.identityHashCode(this));
    }

    @Override
    public String toString() {
        return describe();
    }

    // ---- tracking -------------------------------------------------------------------------

    /** Records that {@code sub} read this node during its current run. */
    final void trackedBy(Node sub) {
        Link prevDep = sub.depsTail;
        if (prevDep != null && prevDep.dep == this) {
            prevDep.version = version;
            return;
        }
        Link nextDep = prevDep != null ? prevDep.nextDep : sub.deps;
        if (nextDep != null && nextDep.dep == this) {
            // Same dependency in the same position as last run: reuse the link.
            nextDep.version = version;
            sub.depsTail = nextDep;
            return;
        }
        Link link = new Link(this, sub, version);
        link.prevDep = prevDep;
        link.nextDep = nextDep;
        if (nextDep != null) {
            nextDep.prevDep = link;
        }
        if (prevDep != null) {
            prevDep.nextDep = link;
        } else {
            sub.deps = link;
        }
        sub.depsTail = link;
        if ((sub.flags & CONNECTED) != 0) {
            attach(link);
        }
    }

    /** Starts a run: links are reused from the front of the old list as the run reads. */
    final void startTracking() {
        depsTail = null;
    }

    /** Ends a run: drops the dependencies the run no longer read. */
    final void endTracking() {
        Link tail = depsTail;
        Link stale = tail != null ? tail.nextDep : deps;
        if (stale == null) {
            return;
        }
        if (tail != null) {
            tail.nextDep = null;
        } else {
            deps = null;
        }
        if ((flags & CONNECTED) != 0) {
            for (Link l = stale; l != null; l = l.nextDep) {
                detach(l);
            }
        }
    }

    /** Removes every dependency (dispose). */
    final void clearDependencies() {
        startTracking();
        endTracking();
    }

    /** Whether a dependency changed since this node last read it; refreshes them in order. */
    final boolean dependenciesChanged() {
        for (Link l = deps; l != null; l = l.nextDep) {
            Node dep = l.dep;
            dep.refresh();
            if (dep.version != l.version) {
                return true;
            }
        }
        return false;
    }

    /** Subscribes this node to all its dependencies (it gained its first subscriber). */
    final void connect() {
        flags |= CONNECTED;
        for (Link l = deps; l != null; l = l.nextDep) {
            attach(l);
        }
    }

    /** Unsubscribes this node from all its dependencies, keeping the list to validate later. */
    final void disconnect() {
        flags &= ~CONNECTED;
        for (Link l = deps; l != null; l = l.nextDep) {
            detach(l);
        }
    }

    static void attach(Link link) {
        Node dep = link.dep;
        Link tail = dep.subsTail;
        link.prevSub = tail;
        link.nextSub = null;
        dep.subsTail = link;
        if (tail != null) {
            tail.nextSub = link;
        } else {
            dep.subs = link;
            dep.firstSubscriberAdded();
        }
    }

    static void detach(Link link) {
        Node dep = link.dep;
        Link prev = link.prevSub;
        Link next = link.nextSub;
        link.prevSub = null;
        link.nextSub = null;
        if (next != null) {
            next.prevSub = prev;
        } else {
            dep.subsTail = prev;
        }
        if (prev != null) {
            prev.nextSub = next;
        } else {
            dep.subs = next;
            if (next == null) {
                dep.lastSubscriberRemoved();
            }
        }
    }

    /** Marks every subscriber; they pass it on. */
    final void markSubscribers(int state) {
        for (Link l = subs; l != null; l = l.nextSub) {
            l.sub.mark(state);
        }
    }
}
