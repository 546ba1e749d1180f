package dev.aether.state.store;

import dev.aether.reactive.ReadSignal;
import java.util.function.UnaryOperator;

/**
 * One value held by a store, made by {@link StoreSetup#state}. Read it in any effect or computed
 * of a context allowed to see the store: a SESSION store's state is a signal of that session's
 * context; an APPLICATION or USER store's is a thread-safe shared value that each reading context
 * mirrors (writes from any thread reach every reader).
 *
 * <pre>{@code
 * StoreState<Integer> count = setup.state(0);
 * count.update(n -> n + 1);
 * effect(() -> show(count.get()));
 * }</pre>
 */
public interface StoreState<V> extends ReadSignal<V> {
    void set(V value);

    /** Atomically replaces the value with {@code fn(current)}. */
    void update(UnaryOperator<V> fn);

    /** Back to the value it was made with. */
    void reset();
}
