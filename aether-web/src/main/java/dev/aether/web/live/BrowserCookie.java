package dev.aether.web.live;

import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * A cookie the web layer gives each browser once and then reads back: {@link #CSRF} (the
 * double-submit token a posting form repeats) and {@link #LIVE} (binds live sessions to the
 * browser that loaded their pages: {@link LiveGate} lets a connection attach only when it carries
 * the value its session was rendered with; the page's HTML holds the session token but never this
 * value, so a token that leaks is not enough to take a page over).
 *
 * <p>Both are {@code HttpOnly}, {@code Path=/} and {@code SameSite=Lax} rather than {@code Strict}:
 * a WebSocket is never a top-level navigation, so another site's page cannot attach either way;
 * but a Strict cookie is left off the page request when a visitor follows a link from another
 * site, and the page would then mint a new value, cutting the browser's other open pages off at
 * their next reconnect.
 *
 * <pre>{@code
 * String browser = BrowserCookie.LIVE.readOrIssue(request, response, https, PageHandler::newToken);
 * }</pre>
 *
 * @param name the cookie's name
 */
record BrowserCookie(String name) {
    static final BrowserCookie CSRF = new BrowserCookie("aether_csrf");
    static final BrowserCookie LIVE = new BrowserCookie("aether_live");

    /** The request's value of this cookie, or null. */
    String from(Request request) {
        for (HttpCookie c : Request.getCookies(request)) {
            if (c.getName().equals(name) && !c.getValue().isEmpty()) {
                return c.getValue();
            }
        }
        return null;
    }

    /**
     * The request's value, or a fresh one from {@code newValue} that the response sets;
     * {@code secure} when the page was served over HTTPS.
     */
    String readOrIssue(Request request, Response response, boolean secure, Supplier<String> newValue) {
        String value = from(request);
        if (value == null) {
            value = newValue.get();
            Response.addCookie(response, HttpCookie.build(name, value).path("/").httpOnly(true).secure(secure)
                    .sameSite(HttpCookie.SameSite.LAX).build());
        }
        return value;
    }
}
