package dev.aether.benchmarks.reactive.shape;

/** A framework computed a wrong value or ran an effect a wrong number of times. */
public final class CheckFailedException extends RuntimeException {
    CheckFailedException(String message) {
        super(message);
    }
}
