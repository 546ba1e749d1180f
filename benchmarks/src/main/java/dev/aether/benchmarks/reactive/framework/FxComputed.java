package dev.aether.benchmarks.reactive.framework;

import javafx.beans.binding.ObjectBinding;

import java.util.function.Supplier;

/**
 * A computed as a lazy JavaFX {@link ObjectBinding} bound to exactly what its last evaluation
 * read. It rebinds only when that set changes (dynamic nodes), so static graphs pay JavaFX's
 * own binding cost plus one array comparison per evaluation.
 */
final class FxComputed<T> extends ObjectBinding<T> implements ReadCell<T>, Tracked {
    private final DependencyTracker tracker;
    private final Supplier<T> fn;
    private Tracked[] deps = DependencyTracker.NONE;
    private int seenIn;

    FxComputed(DependencyTracker tracker, Supplier<T> fn) {
        this.tracker = tracker;
        this.fn = fn;
    }

    @Override
    public T read() {
        tracker.record(this);
        return get();
    }

    @Override
    protected T computeValue() {
        long saved = tracker.begin();
        Tracked[] now = deps;
        try {
            return fn.get();
        } finally {
            now = tracker.end(saved, deps);
            if (now != deps) {
                if (deps.length > 0) {
                    unbind(deps);
                }
                bind(now);
                deps = now;
            }
        }
    }

    @Override
    public int seenIn() {
        return seenIn;
    }

    @Override
    public void seenIn(int frame) {
        seenIn = frame;
    }

    @Override
    public Object currentValue() {
        return get();
    }
}
