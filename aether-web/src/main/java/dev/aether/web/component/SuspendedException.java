package dev.aether.web.component;

import java.util.function.BooleanSupplier;

/**
 * Thrown by a read of a value that is not there yet ({@link Suspense#read}, a {@link Lazy} still
 * loading); the nearest Suspense boundary catches it, shows its fallback and renders again once
 * {@link #ready()} holds. Control flow, not an error: never reaches onError handlers.
 */
public final class SuspendedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient BooleanSupplier ready;

    public SuspendedException(BooleanSupplier ready) {
        super("a value read during rendering is still loading, and no Suspense boundary encloses the read", null, false, false);
        this.ready = ready;
    }

    public BooleanSupplier ready() {
        return ready;
    }
}
