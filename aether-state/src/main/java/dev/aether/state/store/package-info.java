/**
 * Stores: named, lazily made holders of state and actions, one per application, per user or per
 * session ({@link dev.aether.state.store.StoreScope}), injectable with Guice, and
 * {@link dev.aether.state.store.OptimisticAction} for actions that show their effect before the
 * server confirms it.
 *
 * <pre>{@code
 * static final StoreDefinition<Counter> COUNTER = StoreDefinition.define("counter", StoreScope.SESSION,
 *         setup -> new Counter(setup.state(0)));
 * Counter counter = stores.use(COUNTER);
 * }</pre>
 */
package dev.aether.state.store;
