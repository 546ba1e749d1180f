package dev.aether.reactive;

import java.lang.ref.WeakReference;

/**
 * Stands in a dependency's subscriber list for a computed nobody observes. It reaches nothing
 * but its own dependency, its neighbours in that list and, weakly, the computed; so the
 * dependency keeps neither the computed nor anything the computed reads alive.
 */
final class WeakEdge extends Edge {
    private final WeakReference<Node> subscriber;

    WeakEdge(Node dep, WeakReference<Node> subscriber) {
        super(dep);
        this.subscriber = subscriber;
    }

    @Override
    Node subscriber() {
        return subscriber.get();
    }
}
