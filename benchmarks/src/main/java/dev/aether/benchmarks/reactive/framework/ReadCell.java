package dev.aether.benchmarks.reactive.framework;

/** A value a shape can read; inside a computed or effect the read is tracked as a dependency. */
public interface ReadCell<T> {
    T read();
}
