package dev.aether.web.live;

import dev.aether.titan.http.SecurityHeaders;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The security headers of the pages: gives each request for a page or an action its own script
 * nonce (one per response, as CSP wants it), which Aether's inline scripts carry, and
 * {@linkplain #applyTo puts} on every rendered page its Content-Security-Policy, made from that
 * nonce, and a same-origin referrer policy. Titan's {@link SecurityHeaders} already sends nosniff
 * and a referrer policy with every response; a page's URL (its query may carry what a form sent)
 * is not even sent to other sites.
 *
 * <pre>{@code
 * Handler chain = new SecurityHeadersHandler(csrf, routes, AetherWeb::defaultContentSecurityPolicy);
 * // later, in the page handler:
 * String nonce = SecurityHeadersHandler.nonce(request);
 * SecurityHeadersHandler.applyTo(request, response);
 * }</pre>
 */
final class SecurityHeadersHandler extends Handler.Wrapper {
    private static final String ATTRIBUTE = SecurityHeadersHandler.class.getName();

    private final Routes routes;
    private final Function<String, String> policy;   // nonce -> Content-Security-Policy; null: none

    private record Headers(String nonce, String policy) {
    }

    SecurityHeadersHandler(Handler next, Routes routes, Function<String, String> policy) {
        super(next);
        this.routes = routes;
        this.policy = policy;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!(routes.match(request) instanceof Routes.Match.None) && policy != null) {
            String nonce = PageHandler.newToken();
            request.setAttribute(ATTRIBUTE, new Headers(nonce, policy.apply(nonce)));
        }
        return super.handle(request, response, callback);
    }

    /** The nonce of this request's inline scripts, or null when pages are served without a policy. */
    static String nonce(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof Headers h ? h.nonce() : null;
    }

    /** Puts the headers of a rendered page on {@code response}. */
    static void applyTo(Request request, Response response) {
        response.getHeaders().put(SecurityHeaders.REFERRER_POLICY, "same-origin");
        if (request.getAttribute(ATTRIBUTE) instanceof Headers h) {
            response.getHeaders().put("Content-Security-Policy", h.policy());
        }
    }
}
