package dev.aether.reactive;

/**
 * One edge of the graph: {@code sub} read {@code dep}. A link sits in the subscriber's list of
 * dependencies ({@code prevDep/nextDep}) and, when the subscriber is strong, in the dependency's
 * list of subscribers as well (inherited {@code prevSub/nextSub}); a weak subscriber is listed
 * there by its {@link #standIn} instead. Adding and removing an edge is O(1), and a re-run that
 * reads the same things in the same order reuses its links without allocating.
 */
final class Link extends Edge {
    final Node sub;
    /** The dependency's version when the subscriber last read it. */
    int version;
    Link prevDep, nextDep;
    /** Lists a weak subscriber in the dependency's subscribers in place of this link. */
    WeakEdge standIn;

    Link(Node dep, Node sub, int version) {
        super(dep);
        this.sub = sub;
        this.version = version;
    }

    @Override
    Node subscriber() {
        return sub;
    }
}
