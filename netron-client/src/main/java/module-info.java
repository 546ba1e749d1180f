/**
 * The typed Netron client: {@link dev.aether.netron.client.NetronClient} and its call options,
 * interceptors, cache and circuit breaker. The transports and the built-in interceptors'
 * internals are not exported.
 */
module dev.aether.netron.client {
    requires transitive dev.aether.netron.protocol;
    requires com.github.benmanes.caffeine;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires java.net.http;

    exports dev.aether.netron.client;
    exports dev.aether.netron.client.breaker;
    exports dev.aether.netron.client.cache;
    exports dev.aether.netron.client.call;

    // Jackson reads the answers of the HTTP transport (error bodies, definitions) by reflection.
    opens dev.aether.netron.client.http to com.fasterxml.jackson.databind;
}
