package dev.aether.reactive.store;

import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.WrongThreadException;

/**
 * Remembers the context a collection or store was created in and refuses other threads.
 *
 * <p>The core checks the thread when a signal is touched, but these classes also hold plain
 * Java state and create their triggers lazily; without an explicit check a wrong-thread read
 * could corrupt that state or create a trigger in the wrong context before failing.
 */
final class Confinement {
    private final ReactiveContext context;
    private final String what;

    Confinement(String what) {
        this.context = ReactiveContext.current();
        this.what = what;
    }

    void check() {
        if (!context.isCurrent()) {
            throw new WrongThreadException(what + " (context '" + context.name() + "') was touched from thread '"
                    + Thread.currentThread().getName() + "'. A reactive graph is single-threaded: post the work"
                    + " to its context (context.post(() -> ...) or context.call(...)).");
        }
    }
}
