/**
 * Titan, the service host: {@link dev.aether.titan.Titan} serves plain Java services over
 * Netron (HTTP and WebSocket, on Jetty 12) and in process. Applications use the
 * {@code dev.aether.titan} package and its event bus ({@code dev.aether.titan.event}); aether-web gets the few internals it shares.
 */
module dev.aether.titan {
    requires transitive dev.aether.netron.client;
    requires transitive com.google.guice;
    requires transitive micrometer.core;
    requires transitive micrometer.registry.prometheus;
    requires transitive org.eclipse.jetty.server;
    requires com.github.benmanes.caffeine;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.ratelimiter;
    requires jakarta.validation;
    requires org.eclipse.jetty.websocket.core.server;
    requires org.hibernate.validator;
    requires org.slf4j;

    exports dev.aether.titan;
    exports dev.aether.titan.event;
    // The WebSocket endpoint (dev.aether.titan.ws) is served on Jetty's websocket-core, which calls
    // its frame handlers like any object: unlike Jetty's listener API it needs no export.

    // Shared with aether-web, which mounts into Titan's server: not application API.
    exports dev.aether.titan.http to dev.aether.web;
    exports dev.aether.titan.inbound to dev.aether.web;
    exports dev.aether.titan.log to dev.aether.web;
    exports dev.aether.titan.transport to dev.aether.web;

    // Jackson writes titan's own answers (errors, health, definitions) by reflection.
    opens dev.aether.titan.http to com.fasterxml.jackson.databind;
    opens dev.aether.titan.service to com.fasterxml.jackson.databind;
}
