package dev.aether.titan.http;

import dev.aether.titan.call.Dispatcher;
import java.util.Map;

/**
 * {@code GET /health}: 200 {@code {"status":"online"}}, or 503 {@code {"status":"draining"}}
 * once {@link dev.aether.titan.Titan#stop()} has begun, so a load balancer stops sending traffic.
 */
final class HealthRoute implements Route {
    private final Dispatcher dispatcher;

    HealthRoute(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void handle(Exchange exchange) {
        boolean online = !dispatcher.draining();
        exchange.sendJson(online ? 200 : 503, Map.of("status", online ? "online" : "draining"));
    }
}
