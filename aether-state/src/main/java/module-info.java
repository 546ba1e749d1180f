/**
 * Aether state: the Netron client bound to signals. Queries, mutations, invalidation and server
 * events in {@code dev.aether.state}; stores in {@code dev.aether.state.store}; persisted state
 * in {@code dev.aether.state.persist}. Start at {@link dev.aether.state.AetherState}.
 */
module dev.aether.state {
    requires transitive dev.aether.reactive;
    requires transitive dev.aether.netron.client;
    requires com.github.benmanes.caffeine;
    requires com.google.guice;
    requires com.fasterxml.jackson.databind;
    // Only the live-page binding (dev.aether.state.web) needs the web layer: an application without pages runs without it.
    requires static dev.aether.web;

    exports dev.aether.state;
    exports dev.aether.state.persist;
    exports dev.aether.state.store;
    exports dev.aether.state.web;
}
