package dev.aether.web.live;

import java.util.Set;
import org.eclipse.jetty.server.Request;

/**
 * Tells whether a request reached the server over HTTPS: directly, or through one of the given
 * proxy addresses, which terminate TLS and say so in {@code X-Forwarded-Proto}. The header is
 * believed from those addresses only: anyone else could send it. Cookies are marked
 * {@code Secure} for HTTPS requests, so a browser never sends them over plain HTTP.
 *
 * <pre>{@code
 * TrustedProxies proxies = new TrustedProxies(Set.of("10.0.0.2"));
 * boolean https = proxies.isHttps(request);
 * }</pre>
 *
 * @param addresses the IP addresses of the proxies in front of the server, as Jetty reports the
 *                  peer's address ({@code 127.0.0.1}, {@code 10.0.0.2}); empty: none
 */
record TrustedProxies(Set<String> addresses) {
    static final String FORWARDED_PROTO = "X-Forwarded-Proto";

    public TrustedProxies {
        addresses = Set.copyOf(addresses);
    }

    boolean isHttps(Request request) {
        if (request.isSecure()) {
            return true;
        }
        if (addresses.isEmpty() || !addresses.contains(Request.getRemoteAddr(request))) {
            return false;
        }
        String proto = request.getHeaders().get(FORWARDED_PROTO);
        // "https, http" after two proxies: the first is what the browser used
        return proto != null && proto.split(",")[0].trim().equalsIgnoreCase("https");
    }
}
