package dev.aether.benchmarks.reactive.shape;

import dev.aether.benchmarks.reactive.framework.ReactiveFramework;

import java.util.function.Function;

/** Every ported shape, by the name used as the JMH {@code shape} parameter. */
public enum ShapeKind {
    AVOIDABLE(AvoidablePropagation::new),
    BROAD(BroadPropagation::new),
    DEEP(DeepPropagation::new),
    DIAMOND(Diamond::new),
    MUX(Mux::new),
    REPEATED(RepeatedObservers::new),
    TRIANGLE(Triangle::new),
    UNSTABLE(Unstable::new),
    CELLX_1000(CellxLayers::new),
    DYNAMIC_1000X12(fw -> new DynamicGraph(fw, DynamicGraphConfig.LARGE));

    private final Function<ReactiveFramework, Shape> factory;

    ShapeKind(Function<ReactiveFramework, Shape> factory) {
        this.factory = factory;
    }

    /** Builds the shape's graph on {@code fw}, owned by it until {@code fw.cleanup()}. */
    public Shape build(ReactiveFramework fw) {
        return fw.withBuild(() -> factory.apply(fw));
    }
}
