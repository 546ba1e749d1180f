package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.InvokeResponse;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.netron.protocol.http.ResponseHints;
import dev.aether.titan.call.Caller;
import dev.aether.titan.call.Dispatcher;

/**
 * {@code POST /netron/query_interface} (our extension; §3 has no such route): {@code {id?, service}}
 * answers like an invoke whose {@code data} is the service's definition as the caller may see
 * it, 404 for a service the caller may use nothing of.
 *
 * <pre>{@code
 * curl -s localhost:8080/netron/query_interface -H 'Content-Type: application/json' -d '{"service":"calculator"}'
 * }</pre>
 */
final class QueryInterfaceRoute implements Route {
    private final Dispatcher dispatcher;
    private final BearerAuth auth;
    private final JsonBody body;

    QueryInterfaceRoute(Dispatcher dispatcher, BearerAuth auth, JsonBody body) {
        this.dispatcher = dispatcher;
        this.auth = auth;
        this.body = body;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Caller caller = auth.caller(exchange);
        JsonNode request = NetronJson.parse(body.read(exchange.request()));
        if (!request.isObject() || !request.path("service").isTextual()) {
            throw new NetronException(400, "Invalid request format");
        }
        String id = request.path("id").isTextual() ? request.get("id").asText() : exchange.trace().requestId();
        long start = System.nanoTime();
        JsonNode definition;
        try {
            definition = NetronJson.tree(dispatcher.queryInterface(caller, request.get("service").asText()));
        } catch (RuntimeException e) {
            exchange.sendError(Calls.failure(e), id);
            return;
        }
        exchange.sendJson(200, InvokeResponse.success(id, definition, ResponseHints.timing((System.nanoTime() - start) / 1_000_000)));
    }
}
