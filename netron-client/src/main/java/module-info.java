/**
 * The typed Netron client: {@link dev.aether.netron.client.NetronClient}, its call options, and
 * the parts an application composes into it: the transports (HTTP, WebSocket) and one
 * interceptor per package (cache, deduplication, retry, circuit breaker, priority, middleware,
 * auth refresh), fluent calls and event subscriptions. Each package keeps its
 * workings package-private, so every such package is exported; the recording proxy behind fluent
 * calls is exported to aether-state alone.
 */
module dev.aether.netron.client {
    requires transitive dev.aether.netron.protocol;
    requires com.github.benmanes.caffeine;
    requires io.github.resilience4j.circuitbreaker;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires java.net.http;
    requires org.slf4j;

    exports dev.aether.netron.client;
    exports dev.aether.netron.client.auth;
    exports dev.aether.netron.client.breaker;
    exports dev.aether.netron.client.cache;
    exports dev.aether.netron.client.call;
    exports dev.aether.netron.client.dedupe;
    exports dev.aether.netron.client.event;
    exports dev.aether.netron.client.fluent;
    exports dev.aether.netron.client.http;
    exports dev.aether.netron.client.middleware;
    exports dev.aether.netron.client.priority;
    exports dev.aether.netron.client.retry;
    exports dev.aether.netron.client.ws;
    // The recording proxy behind fluent calls; aether-state's queries record and replay calls with it.
    exports dev.aether.netron.client.recording to dev.aether.state;

    // Jackson reads the answers of the HTTP transport (error bodies, definitions) by reflection.
    opens dev.aether.netron.client.http to com.fasterxml.jackson.databind;
    // FileTokenStore reads and writes its tokens record with Jackson.
    opens dev.aether.netron.client.auth to com.fasterxml.jackson.databind;
}
