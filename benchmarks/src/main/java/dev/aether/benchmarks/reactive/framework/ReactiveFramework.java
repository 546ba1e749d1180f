package dev.aether.benchmarks.reactive.framework;

import java.util.function.Supplier;

/**
 * The few operations every benchmark shape needs, after the JS benchmark's
 * {@code ReactiveFramework}: shapes are written once against this interface and run unchanged on
 * each implementation, so any difference in the numbers comes from the framework underneath.
 *
 * <p>Implementations are single-threaded: build and run a graph on one thread.
 */
public interface ReactiveFramework {
    String name();

    <T> WriteCell<T> signal(T initialValue);

    /** A lazy, memoised derived value. */
    <T> ReadCell<T> computed(Supplier<T> fn);

    /** Runs {@code fn} now and again, once per write or batch, whenever what it read changed. */
    void effect(Runnable fn);

    /** Runs {@code fn} with effects held back until it returns. */
    void batch(Runnable fn);

    /** Builds a graph; effects created inside belong to it until {@link #cleanup()}. */
    <T> T withBuild(Supplier<T> fn);

    /** Disposes every effect built so far, so that nothing keeps the graphs alive. */
    void cleanup();
}
