package dev.aether.state.store;

/**
 * Who shares one instance of a store.
 *
 * <pre>{@code
 * StoreDefinition<Cart> CART = StoreDefinition.define("cart", StoreScope.USER, Cart::new);   // every tab of one user
 * }</pre>
 */
public enum StoreScope {
    /** One instance for the whole application: every session of every user. Its state is thread-safe. */
    APPLICATION,
    /** One instance per principal: every session (tab) of one user. Its state is thread-safe. */
    USER,
    /** One instance per reactive context (one live session, one tab). Its state is plain signals of that context. */
    SESSION
}
