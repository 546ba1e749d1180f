package dev.aether.state;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import java.time.Duration;
import java.util.function.Supplier;

/** Test helpers on the test thread's own (confined) reactive context. */
final class Owners {
    private Owners() {
    }

    /** Runs {@code make} inside a new root (an owner, as a component is); the root is what disposes it. */
    static <T> Owned<T> owned(Supplier<T> make) {
        Object[] made = new Object[1];
        Disposable root = Reactive.createRoot(dispose -> {
            made[0] = make.get();
            return dispose;
        });
        @SuppressWarnings("unchecked")
        T value = (T) made[0];
        return new Owned<>(value, root);
    }

    record Owned<T>(T value, Disposable owner) {
    }

    /** Waits (running the posted updates of this thread's context) until {@code condition} holds. */
    static void await(Supplier<Boolean> condition) {
        ReactiveContext.current().awaitCondition(condition, Duration.ofSeconds(20));
    }
}
