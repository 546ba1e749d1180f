package dev.aether.web.live;

import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;

/**
 * The cookie that binds live sessions to the browser that loaded their pages. It is set with the
 * first page a browser gets and kept; each session remembers the value it was rendered with, and
 * {@link LiveGate} lets a connection attach only when it carries that value. The page's HTML holds
 * the session token but never this value (it is {@code HttpOnly}), so a token that leaks is not
 * enough to take a page over.
 *
 * <p>{@code SameSite=Lax} rather than {@code Strict}: a WebSocket is never a top-level navigation,
 * so another site's page cannot attach with it either way; but a Strict cookie is left off the
 * page request when a visitor follows a link from another site, and the page would then mint a
 * new value, cutting the browser's other open pages off at their next reconnect.
 *
 * <pre>{@code
 * String browser = LiveCookie.from(request);
 * if (browser == null) {
 *     browser = newToken();
 *     Response.addCookie(response, LiveCookie.issue(browser, https));
 * }
 * }</pre>
 */
final class LiveCookie {
    static final String NAME = "aether_live";

    private LiveCookie() {
    }

    /** The request's live cookie, or null. */
    static String from(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(NAME) && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    /** The cookie to set for a browser that has none; {@code secure} when the page was served over HTTPS. */
    static HttpCookie issue(String value, boolean secure) {
        return HttpCookie.build(NAME, value).path("/").httpOnly(true).secure(secure).sameSite(HttpCookie.SameSite.LAX).build();
    }
}
