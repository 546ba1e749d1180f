package dev.aether.web.live;

import dev.aether.titan.transport.OriginCheck;
import dev.aether.titan.log.ClientErrorLog;
import dev.aether.netron.protocol.log.LogText;
import dev.aether.web.protocol.LiveProtocol;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.LoggerFactory;

/**
 * Cross-site request forgery protection by double submit. A GET of a page reads the browser's
 * {@link BrowserCookie#CSRF} cookie, or issues one; the page's posting forms repeat it in the
 * {@link LiveProtocol.Markup#CSRF_FIELD} field. A POST to an action must come from this site (its
 * Origin, when sent) and carry the field equal to the cookie, else it is refused with 403 before
 * the action runs. A form that cannot be read is refused with 400 first. What passes goes on with
 * the token and the form's other fields, for the page handler.
 *
 * <pre>{@code
 * Handler chain = new CsrfHandler(pages, routes, proxies);
 * // later, in the page handler:
 * String token = CsrfHandler.token(request);
 * Map<String, String> form = CsrfHandler.form(request);
 * }</pre>
 */
final class CsrfHandler extends Handler.Wrapper {
    private static final String TOKEN = CsrfHandler.class.getName() + ".token";
    private static final String FORM = CsrfHandler.class.getName() + ".form";
    private static final int MAX_FORM_FIELDS = 1000;
    private static final int MAX_FORM_BYTES = 1024 * 1024;

    private final Routes routes;
    private final TrustedProxies proxies;
    private final ClientErrorLog refusals = new ClientErrorLog(LoggerFactory.getLogger(PageHandler.class));

    CsrfHandler(Handler next, Routes routes, TrustedProxies proxies) {
        super(next);
        this.routes = routes;
        this.proxies = proxies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        switch (routes.match(request)) {
            case Routes.Match.ToPage page ->
                    request.setAttribute(TOKEN, BrowserCookie.CSRF.readOrIssue(request, response, proxies.isHttps(request), PageHandler::newToken));
            case Routes.Match.ToRoute route ->
                    request.setAttribute(TOKEN, BrowserCookie.CSRF.readOrIssue(request, response, proxies.isHttps(request), PageHandler::newToken));
            case Routes.Match.ToAction action -> {
                if (!checkPost(request, response, callback)) {
                    return true;
                }
            }
            case Routes.Match.WrongMethod wrong -> { }
            case Routes.Match.None none -> { }
        }
        return super.handle(request, response, callback);
    }

    /** Reads the form and checks it; false when a refusal has been sent. */
    private boolean checkPost(Request request, Response response, Callback callback) {
        Fields fields;
        try {
            fields = FormFields.getFields(request, MAX_FORM_FIELDS, MAX_FORM_BYTES);
        } catch (RuntimeException e) {
            ErrorPage.send(response, callback, HttpStatus.BAD_REQUEST_400, "The form could not be read: " + e.getMessage());
            return false;
        }
        String cookie = BrowserCookie.CSRF.from(request);
        String sent = fields.getValue(LiveProtocol.Markup.CSRF_FIELD);
        boolean originOk = OriginCheck.sameOriginOrNone(request);
        if (!originOk || cookie == null || sent == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            refusals.info("csrf", "refused a POST to {}: CSRF check failed", LogText.of(Request.getPathInContext(request)));
            ErrorPage.send(response, callback, HttpStatus.FORBIDDEN_403,
                    "This form could not be accepted: it expired or was sent from another site (CSRF check). Reload the page and try again.");
            return false;
        }
        Map<String, String> form = new HashMap<>();
        for (Fields.Field f : fields) {
            if (!f.getName().equals(LiveProtocol.Markup.CSRF_FIELD)) {
                form.put(f.getName(), f.getValue());
            }
        }
        request.setAttribute(TOKEN, cookie);
        request.setAttribute(FORM, form);
        return true;
    }

    /** The CSRF token of a page or action request that passed this handler. */
    static String token(Request request) {
        return (String) request.getAttribute(TOKEN);
    }

    /** The fields of an action's form that passed the check, without the CSRF field; empty for a GET. */
    @SuppressWarnings("unchecked")
    static Map<String, String> form(Request request) {
        Object form = request.getAttribute(FORM);
        return form == null ? Map.of() : (Map<String, String>) form;
    }
}
