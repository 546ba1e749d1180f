package dev.aether.benchmarks.reactive.framework;

/** A source value a shape can write; writing an equal value is a no-op, as in the JS benchmark. */
public interface WriteCell<T> extends ReadCell<T> {
    void write(T value);
}
