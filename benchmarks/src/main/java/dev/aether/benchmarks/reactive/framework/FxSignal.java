package dev.aether.benchmarks.reactive.framework;

import javafx.beans.property.SimpleObjectProperty;

import java.util.Objects;

/** A signal as a plain {@link SimpleObjectProperty}, plus the adapter's tracking and flush. */
final class FxSignal<T> extends SimpleObjectProperty<T> implements WriteCell<T>, Tracked {
    private final JavaFxFramework framework;
    private int seenIn;

    FxSignal(JavaFxFramework framework, T initialValue) {
        super(initialValue);
        this.framework = framework;
    }

    @Override
    public T read() {
        framework.tracker.record(this);
        return get();
    }

    @Override
    public void write(T value) {
        // JavaFX compares by reference; the JS signals (and Aether's) skip equal values. The get()
        // also leaves the property valid, so this set() is sure to fire its invalidation.
        if (Objects.equals(get(), value)) {
            return;
        }
        set(value);
        framework.flush();
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
