package dev.aether.benchmarks.reactive.framework;

import java.util.function.Supplier;

/** The frameworks under comparison, by the name used as the JMH {@code framework} parameter. */
public enum FrameworkKind {
    AETHER(AetherFramework::new),
    JAVAFX(JavaFxFramework::new);

    private final Supplier<ReactiveFramework> factory;

    FrameworkKind(Supplier<ReactiveFramework> factory) {
        this.factory = factory;
    }

    public ReactiveFramework create() {
        return factory.get();
    }
}
