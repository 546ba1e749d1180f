package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.http.CacheHints;
import dev.aether.netron.protocol.http.ETag;
import dev.aether.netron.protocol.http.IdempotencyKey;
import dev.aether.netron.protocol.http.InvokeRequest;
import dev.aether.netron.protocol.http.InvokeResponse;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.netron.protocol.http.ResponseHints;
import dev.aether.titan.call.Caller;
import dev.aether.titan.service.MethodModel;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;

/**
 * {@code POST /netron/invoke}: one call. 200 {@code {id, success:true, data, hints}}, or the
 * error's status with {@code {id, success:false, error}}.
 *
 * <p>A successful call of a {@link dev.aether.titan.Cacheable} method also gets
 * {@code hints.cache}, {@code Cache-Control: private, max-age=<s>} and {@code Vary: Authorization}
 * ({@code public} without Vary when the method declares {@code shared = true}), the reference's
 * weak {@code ETag} over the JSON result and {@code X-Cache-Tags}; a matching {@code If-None-Match}
 * turns it into a 304 without a body. Everything else stays {@code no-store}.
 *
 * <p>A request with an {@code Idempotency-Key} header whose key already ran for the same caller,
 * service and method is answered with the first result without running again ({@link dev.aether.titan.call.KeptResults}).
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
        String idempotencyKey = IdempotencyKey.check(exchange.header(IdempotencyKey.HEADER));
        long start = System.nanoTime();
        JsonNode data;
        try {
            data = Calls.await(calls.start(caller, request, idempotencyKey));
        } catch (RuntimeException e) {
            exchange.sendError(Calls.failure(e), request.id());
            return;
        }
        long serverTime = (System.nanoTime() - start) / 1_000_000;
        MethodModel.Cache cache = calls.cacheOf(request);
        if (cache == null) {
            exchange.sendJson(200, InvokeResponse.success(request.id(), data, ResponseHints.timing(serverTime)));
            return;
        }
        // The tag is over the result alone (not id or timing), so equal results share it across requests.
        String etag = ETag.of(NetronJson.write(data));
        String body = NetronJson.write(InvokeResponse.success(request.id(), data,
                new ResponseHints(new ResponseHints.Metrics(serverTime), CacheHints.of(cache.maxAge(), cache.tags()))));
        // Headers go on only now that the body is written: a failure before this point is still answered no-store.
        HttpFields.Mutable headers = exchange.response().getHeaders();
        headers.put(HttpHeader.CACHE_CONTROL, cache.cacheControl());
        if (!cache.shared()) {
            // A private cache keyed by URL alone would hand the previous user's result to the next one signed in.
            headers.add(HttpHeader.VARY, "Authorization"); // add: CORS may have put Vary: Origin already
        }
        headers.put(HttpHeader.ETAG, etag);
        if (!cache.tags().isEmpty()) {
            headers.put("X-Cache-Tags", String.join(",", cache.tags()));
        }
        if (ETag.matches(exchange.header("If-None-Match"), etag)) {
            // The reference keeps the JSON content type on its 304; a cache revalidating the entry expects the same headers.
            headers.put(HttpHeader.CONTENT_TYPE, "application/json");
            exchange.sendEmpty(304);
            return;
        }
        exchange.send(200, "application/json", body);
    }
}
