package dev.aether.reactive;

/**
 * An entry in a node's list of subscribers. A strong subscriber (an effect, or a computed that
 * something strong depends on) is listed by its {@link Link} itself; a weak one by a
 * {@link WeakEdge} that does not keep it alive.
 */
abstract sealed class Edge permits Link, WeakEdge {
    final Node dep;
    Edge prevSub, nextSub;

    Edge(Node dep) {
        this.dep = dep;
    }

    /** The subscriber, or null if it was a weakly listed computed that has been collected. */
    abstract Node subscriber();
}
