package dev.aether.benchmarks.reactive.shape;

/** The assertions every shape makes; they stay on while measuring, for both frameworks alike. */
final class Check {
    private Check() {
    }

    static void equal(long actual, long expected, String what) {
        if (actual != expected) {
            throw new CheckFailedException(what + ": expected " + expected + " but was " + actual);
        }
    }
}
