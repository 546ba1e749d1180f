package dev.aether.titan.http;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Puts the headers every response of the server carries — Netron's JSON, {@code /health},
 * {@code /metrics}, and whatever a mount serves — before the request goes on:
 * {@code X-Content-Type-Options: nosniff}, so a browser never runs an answer as a type it was not
 * sent as (a JSON error echoing a peer's text read as HTML or script), and
 * {@code Referrer-Policy: strict-origin-when-cross-origin}, so URLs (and what their queries
 * carry) are not sent to other sites. A handler after it may replace either (a page may choose
 * a stricter referrer policy).
 *
 * <pre>{@code
 * server.setHandler(new SecurityHeaders(app));   // Titan does this
 * }</pre>
 */
public final class SecurityHeaders extends Handler.Wrapper {
    public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";
    public static final String REFERRER_POLICY = "Referrer-Policy";
    public static final String DEFAULT_REFERRER_POLICY = "strict-origin-when-cross-origin";

    public SecurityHeaders(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(CONTENT_TYPE_OPTIONS, "nosniff");
        response.getHeaders().put(REFERRER_POLICY, DEFAULT_REFERRER_POLICY);
        return super.handle(request, response, callback);
    }
}
