package dev.aether.titan.transport;

import java.net.URI;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Whether a browser page may reach the server: the one origin check of Netron's HTTP calls
 * (CORS), Netron's WebSocket upgrade and the live channel. Only browsers send {@code Origin},
 * and only browsers can be tricked into calling from a foreign page (with the visitor's cookies
 * and network position), so a request without one is not a cross-origin browser request and
 * passes. A page from the server's own origin (the origin's host and port are the request's
 * {@code Host}) always passes; other origins only when listed.
 *
 * <pre>{@code
 * OriginCheck origins = new OriginCheck(settings.allowedOrigins());
 * if (!origins.admits(request)) {
 *     return reject(4403, "Origin not allowed");
 * }
 * }</pre>
 */
public final class OriginCheck {
    private final List<String> allowed;

    /** @param allowed origins besides the server's own that browsers may call from */
    public OriginCheck(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Whether the request's {@code Origin} (if any) may reach the server it reached as {@code Host}. */
    public boolean admits(Request request) {
        return admits(request.getHeaders().get(HttpHeader.ORIGIN), request.getHeaders().get(HttpHeader.HOST));
    }

    /** Whether a request with these {@code Origin} and {@code Host} headers may proceed; a null origin may. */
    public boolean admits(String origin, String host) {
        return origin == null || allowed.contains(origin) || sameOrigin(origin, host);
    }

    /**
     * Whether the request's {@code Origin} is absent or the server's own, whatever is listed: for a
     * form post, which only the site's own pages may send.
     */
    public static boolean sameOriginOrNone(Request request) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        return origin == null || sameOrigin(origin, request.getHeaders().get(HttpHeader.HOST));
    }

    /** Whether {@code origin}'s host and port are {@code host}. */
    public static boolean sameOrigin(String origin, String host) {
        if (origin == null || host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
