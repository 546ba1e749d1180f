package dev.aether.reactive;

/**
 * One edge of the graph: {@code sub} read {@code dep}. Every link sits in two doubly linked
 * lists at once, the subscriber's dependencies ({@code prevDep/nextDep}) and, while the
 * subscriber is connected, the dependency's subscribers ({@code prevSub/nextSub}), so adding
 * and removing an edge is O(1) and a re-run that reads the same things in the same order
 * reuses its links without allocating.
 */
final class Link {
    final Node dep;
    final Node sub;
    /** The dependency's version when the subscriber last read it. */
    int version;
    Link prevDep, nextDep;
    Link prevSub, nextSub;

    Link(Node dep, Node sub, int version) {
        this.dep = dep;
        this.sub = sub;
        this.version = version;
    }
}
