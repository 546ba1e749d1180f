package dev.aether.reactive.store;

import dev.aether.reactive.Reactive;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/** Counts how often an effect ran, and remembers what it last saw. */
final class Runs<T> {
    private int count;
    private T last;

    /** An effect that reads {@code read}; it runs once now, so the count starts at 1. */
    static <T> Runs<T> of(Supplier<T> read) {
        Runs<T> runs = new Runs<>();
        Reactive.effect(() -> {
            runs.last = read.get();
            runs.count++;
        });
        return runs;
    }

    /** How many times it re-ran after the first run. */
    int reruns() {
        return count - 1;
    }

    T last() {
        return last;
    }

    /** What {@code task} throws when run on another thread. */
    static Throwable fromAnotherThread(Callable<?> task) {
        try {
            CompletableFuture.supplyAsync(() -> {
                try {
                    return task.call();
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }, r -> new Thread(r, "intruder").start()).get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
