package dev.aether.benchmarks.reactive.framework;

import dev.aether.reactive.Computed;
import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The shapes on Aether's reactive core, with nothing between them but one delegating call. */
public final class AetherFramework implements ReactiveFramework {
    private final List<Disposable> roots = new ArrayList<>();

    @Override
    public String name() {
        return "aether";
    }

    @Override
    public <T> WriteCell<T> signal(T initialValue) {
        return new AetherSignal<>(Reactive.signal(initialValue));
    }

    @Override
    public <T> ReadCell<T> computed(Supplier<T> fn) {
        return new AetherComputed<>(Reactive.computed(fn));
    }

    @Override
    public void effect(Runnable fn) {
        Reactive.effect(fn);
    }

    @Override
    public void batch(Runnable fn) {
        Reactive.batch(fn);
    }

    @Override
    public <T> T withBuild(Supplier<T> fn) {
        return Reactive.createRoot(dispose -> {
            roots.add(dispose);
            return fn.get();
        });
    }

    @Override
    public void cleanup() {
        roots.forEach(Disposable::dispose);
        roots.clear();
    }

    private record AetherSignal<T>(Signal<T> signal) implements WriteCell<T> {
        @Override
        public T read() {
            return signal.get();
        }

        @Override
        public void write(T value) {
            signal.set(value);
        }
    }

    private record AetherComputed<T>(Computed<T> computed) implements ReadCell<T> {
        @Override
        public T read() {
            return computed.get();
        }
    }
}
