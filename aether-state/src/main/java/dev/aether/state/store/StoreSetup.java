package dev.aether.state.store;

/**
 * What a store's setup function gets: where to make its state, the stores it uses, its
 * life-cycle hooks.
 *
 * <pre>{@code
 * StoreDefinition<Cart> CART = StoreDefinition.define("cart", StoreScope.USER, setup -> {
 *     StoreState<List<Item>> items = setup.state(List.of());
 *     Prices prices = setup.use(PRICES);                      // composition: another store
 *     setup.onInit(() -> log.info("cart of {} ready", setup.principal()));
 *     return new Cart(items, prices);
 * });
 * }</pre>
 */
public interface StoreSetup {
    /** A value of the store, reset by {@link Stores#reset}. */
    <V> StoreState<V> state(V initial);

    /** Another store, in the same principal's and session's scope (made first if needed). */
    <D> D use(StoreDefinition<D> other);

    /** Runs once the setup returned. */
    void onInit(Runnable hook);

    /** Runs when the store's scope ends ({@link Stores#endSession}, {@link Stores#close}). */
    void onDispose(Runnable hook);

    StoreScope scope();

    /** The principal the store belongs to (USER and SESSION scopes), or null for APPLICATION. */
    String principal();
}
