package dev.aether.benchmarks.reactive.framework;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The shapes on javafx-base properties and bindings: signal = {@link FxSignal}
 * ({@code SimpleObjectProperty}), computed = {@link FxComputed} (lazy {@code ObjectBinding}),
 * effect = {@link FxEffect} (an {@code InvalidationListener} whose re-runs are queued,
 * de-duplicated and flushed after each write and once at the end of a batch).
 */
public final class JavaFxFramework implements ReactiveFramework {
    final DependencyTracker tracker = new DependencyTracker();
    private final ArrayDeque<FxEffect> queue = new ArrayDeque<>();
    private final List<FxEffect> effects = new ArrayList<>();
    private int batchDepth;
    private boolean flushing;

    @Override
    public String name() {
        return "javafx";
    }

    @Override
    public <T> WriteCell<T> signal(T initialValue) {
        return new FxSignal<>(this, initialValue);
    }

    @Override
    public <T> ReadCell<T> computed(Supplier<T> fn) {
        return new FxComputed<>(tracker, fn);
    }

    @Override
    public void effect(Runnable fn) {
        FxEffect effect = new FxEffect(this, fn);
        effects.add(effect);
        effect.run();
    }

    @Override
    public void batch(Runnable fn) {
        batchDepth++;
        try {
            fn.run();
        } finally {
            batchDepth--;
        }
        flush();
    }

    @Override
    public <T> T withBuild(Supplier<T> fn) {
        return fn.get();
    }

    @Override
    public void cleanup() {
        // Bindings need no disposal: JavaFX binds them through weak listeners. Effects are strong
        // listeners, so they are removed like Aether's roots are disposed.
        effects.forEach(FxEffect::dispose);
        effects.clear();
        queue.clear();
    }

    void enqueue(FxEffect effect) {
        queue.add(effect);
    }

    void flush() {
        if (batchDepth > 0 || flushing) {
            return;
        }
        flushing = true;
        try {
            for (FxEffect e; (e = queue.poll()) != null; ) {
                e.runIfChanged();
            }
        } finally {
            flushing = false;
        }
    }
}
