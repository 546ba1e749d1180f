package dev.aether.web.live;

import dev.aether.titan.http.SecurityHeaders;
import dev.aether.titan.log.ClientErrorLog;
import dev.aether.titan.log.LogText;
import dev.aether.titan.transport.OriginCheck;
import dev.aether.titan.transport.SecureToken;
import dev.aether.web.ActionResult;
import dev.aether.web.AetherWeb;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;
import dev.aether.web.html.Escape;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.FormFields;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the pages, the actions and the runtime; passes every other request on. A page is
 * rendered on its new session's context and streamed: the shell, then each Suspense boundary
 * as it resolves, then the runtime's tag.
 */
public final class PageHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(PageHandler.class);
    static final String CSRF_FIELD = "_csrf";
    private static final long STREAM_TIMEOUT_MILLIS = 30_000;
    private static final int MAX_FORM_FIELDS = 1000;
    private static final int MAX_FORM_BYTES = 1024 * 1024;

    private final Map<String, Function<PageRequest, Page>> pages;
    private final Map<String, Function<PageRequest, ActionResult>> actions;
    private final LiveSessions sessions;
    private final RuntimeScript runtime;
    private final Function<String, String> scriptPolicy;   // nonce -> Content-Security-Policy; null: none
    private final TrustedProxies proxies;
    private final ClientErrorLog refusals = new ClientErrorLog(LOG);

    public PageHandler(Handler next, Map<String, Function<PageRequest, Page>> pages, Map<String, Function<PageRequest, ActionResult>> actions,
                LiveSessions sessions, RuntimeScript runtime, Function<String, String> scriptPolicy, TrustedProxies proxies) {
        super(next);
        this.pages = pages;
        this.actions = actions;
        this.sessions = sessions;
        this.runtime = runtime;
        this.scriptPolicy = scriptPolicy;
        this.proxies = proxies;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        if (path.equals(LiveProtocol.Paths.RUNTIME) && method.equals("GET")) {
            serveRuntime(request, response, callback);
            return true;
        }
        Function<PageRequest, Page> page = pages.get(path);
        Function<PageRequest, ActionResult> action = actions.get(path);
        if ((page == null && action == null) || isWebSocketUpgrade(request)) {
            return super.handle(request, response, callback);   // Netron's routes, and its WebSocket on any path
        }
        if (method.equals("GET") && page != null) {
            PageRequest pageRequest = new PageRequest(method, path, query(request), Map.of());
            renderPage(request, response, callback, () -> page.apply(pageRequest), HttpStatus.OK_200);
        } else if (method.equals("POST") && action != null) {
            post(request, response, callback, path, action);
        } else {
            response.getHeaders().put(HttpHeader.ALLOW, (page != null ? "GET" : "") + (page != null && action != null ? ", " : "")
                    + (action != null ? "POST" : ""));
            text(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed: " + method + " " + path);
        }
        return true;
    }

    private void post(Request request, Response response, Callback callback, String path, Function<PageRequest, ActionResult> action) {
        Fields fields;
        try {
            fields = FormFields.getFields(request, MAX_FORM_FIELDS, MAX_FORM_BYTES);
        } catch (RuntimeException e) {
            text(response, callback, HttpStatus.BAD_REQUEST_400, "The form could not be read: " + e.getMessage());
            return;
        }
        String cookie = BrowserCookie.CSRF.from(request);
        String sent = fields.getValue(CSRF_FIELD);
        boolean originOk = OriginCheck.sameOriginOrNone(request);
        if (!originOk || cookie == null || sent == null
                || !MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
            refusals.info("csrf", "refused a POST to {}: CSRF check failed", LogText.of(path));
            text(response, callback, HttpStatus.FORBIDDEN_403,
                    "This form could not be accepted: it expired or was sent from another site (CSRF check). Reload the page and try again.");
            return;
        }
        Map<String, String> form = new HashMap<>();
        for (Fields.Field f : fields) {
            if (!f.getName().equals(CSRF_FIELD)) {
                form.put(f.getName(), f.getValue());
            }
        }
        PageRequest pageRequest = new PageRequest("POST", path, query(request), form);
        ActionResult result;
        try {
            result = action.apply(pageRequest);
        } catch (RuntimeException e) {
            failed(response, callback, "action " + path, e);
            return;
        }
        switch (result) {
            case ActionResult.Redirect r -> Response.sendRedirect(request, response, callback, HttpStatus.SEE_OTHER_303, r.location(), true);
            case ActionResult.Show s -> renderPage(request, response, callback, s::page, s.status());
        }
    }

    private void renderPage(Request request, Response response, Callback callback, Supplier<Page> page, int status) {
        boolean https = proxies.isHttps(request);
        String csrf = BrowserCookie.CSRF.readOrIssue(request, response, https, PageHandler::newToken);
        String browser = BrowserCookie.LIVE.readOrIssue(request, response, https, PageHandler::newToken);
        boolean live = !sessions.isFull();   // else the page is rendered as usual but served without its runtime
        LiveSession session = sessions.create(browser);
        session.csrfToken(csrf);
        String nonce = scriptPolicy == null ? null : newToken();   // one per response, as CSP wants it
        session.scriptNonce(nonce);
        String shell;
        try {
            Page p = page.get();
            shell = session.context().call(() -> session.renderShell(p));
        } catch (RuntimeException e) {
            sessions.end(session, LiveProtocol.Close.SESSION_GONE, "Page failed");
            failed(response, callback, "page " + Request.getPathInContext(request), e);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        // Titan's SecurityHeaders sends nosniff and a referrer policy with every response; a page's URL
        // (its query may carry what a form sent) is not even sent to other sites.
        response.getHeaders().put(SecurityHeaders.REFERRER_POLICY, "same-origin");
        if (nonce != null) {
            response.getHeaders().put("Content-Security-Policy", scriptPolicy.apply(nonce));
        }
        try (Writer out = new OutputStreamWriter(Content.Sink.asOutputStream(response), StandardCharsets.UTF_8)) {
            stream(session, shell, out, live, nonce);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(session, LiveProtocol.Close.GOING_AWAY, "Server stopping", callback, e);
            return;
        } catch (IOException | RuntimeException e) {
            LOG.debug("page response cut off", e);
            abandon(session, LiveProtocol.Close.SESSION_GONE, "Page not delivered", callback, e);   // nothing may keep a session forever
            return;
        }
        callback.succeeded();
    }

    /**
     * The shell, each Suspense chunk as it resolves (at most 30 s in all), then the runtime's tag;
     * a page that is not {@code live} gets no runtime, and its session ends once it is written.
     */
    private void stream(LiveSession session, String shell, Writer out, boolean live, String nonce) throws IOException, InterruptedException {
        out.write(shell);
        out.flush();
        long deadline = System.currentTimeMillis() + STREAM_TIMEOUT_MILLIS;
        while (session.openBoundaries() > 0 && System.currentTimeMillis() < deadline) {
            String chunk = session.nextChunk(Math.max(1, deadline - System.currentTimeMillis()));
            if (chunk != null) {
                out.write(chunk);
                out.flush();
            }
        }
        for (String chunk : session.context().call(session::endStreaming)) {
            out.write(chunk);
        }
        if (!live) {
            out.write("</body></html>");
            sessions.end(session, LiveProtocol.Close.SESSION_GONE, "Served without the live runtime");
            return;
        }
        out.write(runtime.tag(session.token(), nonce));
        out.write("</body></html>");
        sessions.scheduleExpiry(session);   // from now on the browser has the grace period to attach
    }

    private void abandon(LiveSession session, int code, String reason, Callback callback, Throwable cause) {
        sessions.end(session, code, reason);
        callback.failed(cause);
    }

    /** A WebSocket handshake (an {@code Upgrade: h2c} offer is still a page request). */
    private static boolean isWebSocketUpgrade(Request request) {
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }

    private void serveRuntime(Request request, Response response, Callback callback) {
        String etag = "\"" + runtime.version() + "\"";
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=31536000, immutable");
        if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript; charset=utf-8");
        response.write(true, ByteBuffer.wrap(runtime.bytes()), callback);
    }

    private static void failed(Response response, Callback callback, String what, RuntimeException e) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("{} failed (error id {})", LogText.of(what), errorId, e);
        text(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, "Something went wrong on the server (error id " + errorId + ").");
    }

    /** A small HTML page with {@code message}, escaped. */
    private static void text(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + "</title></head><body><p>"
                + Escape.html(message) + "</p></body></html>";
        response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
    }

    private static Map<String, List<String>> query(Request request) {
        Map<String, List<String>> query = new HashMap<>();
        for (Fields.Field f : Request.extractQueryParameters(request)) {
            query.put(f.getName(), f.getValues());
        }
        return query;
    }

    static String newToken() {
        return SecureToken.random(24);
    }
}
