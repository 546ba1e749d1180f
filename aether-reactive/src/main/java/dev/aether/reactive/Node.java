package dev.aether.reactive;

import java.lang.ref.WeakReference;

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
 * <p>A computed nobody observes is linked to its dependencies <em>weakly</em>: writes still mark
 * it, so a later read recomputes only what changed, but its dependencies hold no strong
 * reference to it and it can be garbage collected. It turns strong when an effect (or a strong
 * computed) starts depending on it, and weak again when the last one stops.
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
    /** In its dependencies' subscriber lists: effects from creation, computeds from their first run. */
    static final int ATTACHED = 1 << 7;

    final ReactiveContext context;
    Link deps, depsTail;
    Edge subs, subsTail;
    int flags;
    int version;
    String name;

    Node(ReactiveContext context) {
        this.context = context;
    }

    /**
     * Raises this node's staleness to {@code state}; returns the state it had before, or -1 when
     * it was already at least that stale (so the news need not travel further).
     */
    final int raise(int state) {
        int f = flags;
        int current = f & STATE;
        if (current >= state) {
            return -1;
        }
        flags = (f & ~STATE) | state;
        return current;
    }

    /** Marks this node stale ({@link #CHECK} or {@link #DIRTY}) and passes the news on. */
    abstract void mark(int state);

    /** Brings the node's value up to date; a no-op for plain signals. */
    void refresh() {
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
        if (prevDep != null && readEarlierInThisRun(prevDep)) {
            return; // a, b, a: already a dependency
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
        if ((sub.flags & ATTACHED) != 0) {
            attach(link);
        }
    }

    /** Whether this node is among the links a run has read so far (ending at {@code last}). */
    private boolean readEarlierInThisRun(Link last) {
        for (Link l = last.prevDep; l != null; l = l.prevDep) {
            if (l.dep == this) {
                l.version = version;
                return true;
            }
        }
        return false;
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
        if ((flags & ATTACHED) != 0) {
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

    /** Whether this node's links to its dependencies are strong (it is observed). */
    boolean strong() {
        return true;
    }

    /** This node's weak self-reference, for stand-ins; only computeds are ever weak. */
    WeakReference<Node> weakSelf() {
        throw new AssertionError("only computeds are listed weakly");
    }

    /** A strong link to this node was added; a computed may become strong. */
    void strongSubscriberAdded() {
    }

    /** A strong link to this node went away or became weak; a computed may become weak. */
    void strongSubscriberRemoved() {
    }

    /**
     * Lists this node strongly in its dependencies (it gained an observer). Links made while the
     * observer was on its way are strong already and were counted when attached.
     */
    final void strengthenDependencies() {
        for (Link l = deps; l != null; l = l.nextDep) {
            if (l.standIn == null) {
                continue;
            }
            remove(l.standIn);
            l.standIn = null;
            append(l);
            l.dep.strongSubscriberAdded();
        }
    }

    /** Lists this node weakly in its dependencies (its last observer went away). */
    final void weakenDependencies() {
        WeakReference<Node> self = weakSelf();
        for (Link l = deps; l != null; l = l.nextDep) {
            remove(l);
            l.standIn = new WeakEdge(l.dep, self);
            prependStandIn(l.standIn);
            l.dep.strongSubscriberRemoved();
        }
    }

    /** Lists the link's subscriber in its dependency: itself if strong, by a stand-in if weak. */
    static void attach(Link link) {
        Node sub = link.sub;
        if (sub.strong()) {
            append(link);
            link.dep.strongSubscriberAdded();
        } else {
            link.standIn = new WeakEdge(link.dep, sub.weakSelf());
            prependStandIn(link.standIn);
        }
    }

    /** Takes the link's subscriber off its dependency's list. */
    static void detach(Link link) {
        WeakEdge standIn = link.standIn;
        if (standIn != null) {
            link.standIn = null;
            remove(standIn);
        } else {
            remove(link);
            link.dep.strongSubscriberRemoved();
        }
    }

    static void append(Edge edge) {
        Node dep = edge.dep;
        Edge tail = dep.subsTail;
        edge.prevSub = tail;
        edge.nextSub = null;
        dep.subsTail = edge;
        if (tail != null) {
            tail.nextSub = edge;
        } else {
            dep.subs = edge;
        }
    }

    /**
     * Puts a stand-in at the front of its dependency's subscribers and drops the collected
     * stand-ins right behind it. Computeds created and dropped in a loop leave their stand-ins
     * there, so even a source that is never written again does not accumulate them; the cost is
     * amortised against the appends that put them there.
     */
    static void prependStandIn(WeakEdge edge) {
        Node dep = edge.dep;
        Edge head = dep.subs;
        while (head instanceof WeakEdge dead && dead.subscriber() == null) {
            Edge next = head.nextSub;
            remove(head);
            head = next;
        }
        edge.prevSub = null;
        edge.nextSub = head;
        dep.subs = edge;
        if (head != null) {
            head.prevSub = edge;
        } else {
            dep.subsTail = edge;
        }
    }

    static void remove(Edge edge) {
        Node dep = edge.dep;
        Edge prev = edge.prevSub;
        Edge next = edge.nextSub;
        if (prev == null && dep.subs != edge) {
            return; // already removed (a stand-in swept twice)
        }
        edge.prevSub = null;
        edge.nextSub = null;
        if (next != null) {
            next.prevSub = prev;
        } else {
            dep.subsTail = prev;
        }
        if (prev != null) {
            prev.nextSub = next;
        } else {
            dep.subs = next;
        }
    }

    /** Marks every subscriber; they pass it on. Stand-ins of collected computeds are dropped here. */
    final void markSubscribers(int state) {
        for (Edge e = subs; e != null; ) {
            Edge next = e.nextSub;
            Node s = e.subscriber();
            if (s == null) {
                remove(e);
            } else {
                s.mark(state);
            }
            e = next;
        }
    }
}
