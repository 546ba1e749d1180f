package dev.aether.state.store;

import java.util.Objects;
import java.util.function.Function;

/**
 * A store: its id, who shares an instance, and the setup function that makes one (lazily, on
 * first {@link Stores#use}). Define it once, as a constant.
 *
 * <pre>{@code
 * record Counter(StoreState<Integer> count) {
 *     void increment() { count.update(n -> n + 1); }
 * }
 * static final StoreDefinition<Counter> COUNTER = StoreDefinition.define("counter", StoreScope.SESSION,
 *         setup -> new Counter(setup.state(0)));
 *
 * Counter counter = stores.use(COUNTER);
 * }</pre>
 *
 * @param id    unique among the application's stores
 * @param scope who shares one instance
 * @param setup makes an instance
 * @param <T>   what the store gives its users (a record of states and actions, say)
 */
public record StoreDefinition<T>(String id, StoreScope scope, Function<StoreSetup, T> setup) {
    public StoreDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(setup, "setup");
    }

    /** The store {@code id}, shared as {@code scope} says, made by {@code setup}. */
    public static <T> StoreDefinition<T> define(String id, StoreScope scope, Function<StoreSetup, T> setup) {
        return new StoreDefinition<>(id, scope, setup);
    }
}
