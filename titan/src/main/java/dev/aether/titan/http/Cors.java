package dev.aether.titan.http;

import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.titan.TitanSettings;
import dev.aether.titan.transport.OriginCheck;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;

/**
 * CORS as netron-wire.md §3 describes it: {@code OPTIONS} answers 204 echoing an allowed
 * {@code Origin}, and responses to allowed origins carry {@code Access-Control-Allow-Origin}.
 * Allowed are the server's own origin (the one whose host and port are the request's
 * {@code Host}) and those listed in {@link TitanSettings#allowedOrigins()}; with no list, browsers
 * may call only from the same origin.
 * A request from an origin that is not allowed gets 403 rather than being served without the
 * header: the browser would hide the answer, but the call would still have run.
 *
 * <pre>{@code
 * cors.check(exchange);           // throws 403 for a disallowed Origin
 * cors.preflight(exchange);       // OPTIONS
 * }</pre>
 */
final class Cors {
    static final String ALLOW_METHODS = "GET, POST, PUT, DELETE, PATCH, OPTIONS";
    static final String ALLOW_HEADERS = "Content-Type, Authorization, X-Request-ID, X-Correlation-ID, X-Trace-ID, X-Span-ID";
    static final String EXPOSE_HEADERS = "X-Request-ID, X-Correlation-ID, X-Trace-ID, X-Span-ID, Retry-After, "
            + "X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, X-Netron-Error";

    private final OriginCheck origins;

    Cors(TitanSettings settings) {
        this.origins = new OriginCheck(settings.allowedOrigins());
    }

    /** Adds the CORS response headers for an allowed {@code Origin}; 403 for one that is not. */
    void check(Exchange exchange) {
        String origin = exchange.header("Origin");
        if (origin == null) {
            return; // not a browser cross-origin request
        }
        if (!origins.admits(origin, exchange.header("Host"))) {
            throw new PermissionException("Origin not allowed", Map.of("origin", origin));
        }
        HttpFields.Mutable headers = exchange.response().getHeaders();
        headers.put("Access-Control-Allow-Origin", origin);
        headers.put("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        headers.add("Vary", "Origin");
    }

    void preflight(Exchange exchange) {
        check(exchange);
        HttpFields.Mutable headers = exchange.response().getHeaders();
        headers.put("Access-Control-Allow-Methods", ALLOW_METHODS);
        headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
        headers.put("Access-Control-Max-Age", "86400");
        exchange.sendEmpty(204);
    }
}
