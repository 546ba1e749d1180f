package dev.aether.web.component;

import dev.aether.reactive.Reactive;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Lifecycle hooks, called while a component renders. */
public final class Lifecycle {
    private Lifecycle() {
    }

    /**
     * Runs {@code fn} after the component is first inserted into a live page; the Runnable it
     * returns (may be null) runs when the component goes. Never runs during SSR.
     */
    public static void onMount(Supplier<Runnable> fn) {
        Objects.requireNonNull(fn, "fn");
        Scope.require("onMount").addMount(fn);
    }

    /** Runs {@code cleanup} when the component is disposed (for SSR: when the render is done). */
    public static void onCleanup(Runnable cleanup) {
        Scope.require("onCleanup");
        Reactive.onCleanup(cleanup);
    }

    /**
     * Handles errors thrown while this component or its descendants render (the failing component
     * then renders nothing) and errors of its effects. A handler that throws passes the error up.
     */
    public static void onError(Consumer<? super Throwable> handler) {
        Objects.requireNonNull(handler, "handler");
        Scope.require("onError").addErrorHandler(handler);
        Reactive.onError(handler);
    }
}
