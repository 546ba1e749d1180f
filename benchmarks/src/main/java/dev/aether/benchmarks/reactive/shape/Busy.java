package dev.aether.benchmarks.reactive.shape;

import org.openjdk.jmh.infra.Blackhole;

/**
 * The JS benchmark's {@code busy()}: a hundred steps of work standing for an expensive
 * computation. JMH's {@code consumeCPU} is used because a plain counting loop would be removed
 * by the JIT.
 */
final class Busy {
    private Busy() {
    }

    static void work() {
        Blackhole.consumeCPU(100);
    }
}
