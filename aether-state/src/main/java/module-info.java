/**
 * Aether state: the Netron client bound to signals. Queries, mutations, invalidation and server
 * events in {@code dev.aether.state}; stores in {@code dev.aether.state.store}; persisted state
 * in {@code dev.aether.state.persist}. Start at {@link dev.aether.state.AetherState}.
 */
module dev.aether.state {
    requires transitive dev.aether.reactive;
    requires transitive dev.aether.netron.client;
    requires transitive com.github.benmanes.caffeine;   // AetherState.Builder.ticker takes its Ticker
    requires transitive com.google.guice;               // StateModule is a Guice module
    requires transitive com.fasterxml.jackson.databind;  // PersistOptions.migrate works on its JsonNode
    // Only the live-page binding (dev.aether.state.web) needs the web layer: an application without pages runs without it.
    requires static dev.aether.web;

    exports dev.aether.state;
    exports dev.aether.state.persist;
    exports dev.aether.state.store;
    exports dev.aether.state.web;
}
