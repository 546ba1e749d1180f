package dev.aether.benchmarks.reactive.framework;

import javafx.beans.InvalidationListener;
import javafx.beans.Observable;

import java.util.Objects;

/**
 * An effect in JavaFX terms: an {@link InvalidationListener} on what the effect read. An
 * invalidation only queues the effect (once); the framework flushes the queue after each write
 * or batch. The flush re-reads the dependencies and re-runs the effect only if one of them now
 * holds a different value, which is what a JavaFX {@code ChangeListener} would check, but
 * deferred to the end of the update so the effect never sees a half-updated graph.
 */
final class FxEffect implements InvalidationListener {
    private final DependencyTracker tracker;
    private final Runnable fn;
    private Tracked[] deps = DependencyTracker.NONE;
    private Object[] seen = new Object[0];
    private boolean queued;
    private boolean disposed;
    private final JavaFxFramework framework;

    FxEffect(JavaFxFramework framework, Runnable fn) {
        this.framework = framework;
        this.tracker = framework.tracker;
        this.fn = fn;
    }

    @Override
    public void invalidated(Observable observable) {
        if (!queued && !disposed) {
            queued = true;
            framework.enqueue(this);
        }
    }

    void runIfChanged() {
        queued = false;
        if (disposed) {
            return;
        }
        Tracked[] d = deps;
        for (int i = 0; i < d.length; i++) {
            if (!Objects.equals(d[i].currentValue(), seen[i])) {
                run();
                return;
            }
        }
    }

    void run() {
        long saved = tracker.begin();
        Tracked[] now = deps;
        try {
            fn.run();
        } finally {
            now = tracker.end(saved, deps);
            if (now != deps) {
                for (Tracked old : deps) {
                    old.removeListener(this);
                }
                for (Tracked dep : now) {
                    dep.addListener(this);
                }
                deps = now;
                seen = new Object[now.length];
            }
            for (int i = 0; i < now.length; i++) {
                seen[i] = now[i].currentValue();
            }
        }
    }

    void dispose() {
        disposed = true;
        for (Tracked dep : deps) {
            dep.removeListener(this);
        }
        deps = DependencyTracker.NONE;
        seen = new Object[0];
    }
}
