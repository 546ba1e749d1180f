package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.http.InvokeRequest;
import dev.aether.netron.protocol.http.InvokeResponse;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.netron.protocol.http.ResponseHints;
import dev.aether.titan.call.Caller;

/**
 * {@code POST /netron/invoke}: one call. 200 {@code {id, success:true, data, hints}}, or the
 * error's status with {@code {id, success:false, error}}.
 *
 * <pre>{@code
 * curl -s localhost:8080/netron/invoke -H 'Content-Type: application/json' \
 *      -d '{"id":"1","service":"calculator@1.0.0","method":"add","input":[2,3]}'
 * }</pre>
 */
final class InvokeRoute implements Route {
    private final Calls calls;
    private final BearerAuth auth;
    private final JsonBody body;

    InvokeRoute(Calls calls, BearerAuth auth, JsonBody body) {
        this.calls = calls;
        this.auth = auth;
        this.body = body;
    }

    @Override
    public void handle(Exchange exchange) throws Exception {
        Caller caller = auth.caller(exchange);
        InvokeRequest request = NetronJson.readInvoke(body.read(exchange.request()));
        long start = System.nanoTime();
        JsonNode data;
        try {
            data = Calls.await(calls.start(caller, request));
        } catch (RuntimeException e) {
            exchange.sendError(Calls.failure(e), request.id());
            return;
        }
        long serverTime = (System.nanoTime() - start) / 1_000_000;
        exchange.sendJson(200, InvokeResponse.success(request.id(), data, ResponseHints.timing(serverTime)));
    }
}
