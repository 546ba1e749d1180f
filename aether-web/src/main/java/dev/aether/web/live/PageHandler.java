package dev.aether.web.live;

import dev.aether.titan.transport.SecureToken;
import dev.aether.web.ActionResult;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;
import dev.aether.web.protocol.LiveProtocol;
import dev.aether.web.ssr.ChunkStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.aether.titan.Principal;
import dev.aether.web.PrincipalCookie;
import org.eclipse.jetty.http.HttpCookie;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the pages and the actions; passes every other request on. The last of the web layer's
 * handler wrappers: {@link RuntimeScriptHandler}, {@link SecurityHeadersHandler} and
 * {@link CsrfHandler} come before it, so a request that reaches it with a form has passed the
 * CSRF check. A page is rendered on its new session's context and streamed: the shell, then each
 * Suspense boundary as it resolves ({@link ChunkStream}), then the runtime's tag.
 *
 * <pre>{@code
 * Handler chain = new RuntimeScriptHandler(new SecurityHeadersHandler(new CsrfHandler(
 *         new PageHandler(netron, routes, sessions, runtime, router, List.of(persistPart), proxies, principalCookie), routes, proxies), routes, policy), runtime, router, persistPart);
 * }</pre>
 */
final class PageHandler extends Handler.Wrapper {
    private static final Logger LOG = LoggerFactory.getLogger(PageHandler.class);
    private static final Duration STREAM_LIMIT = Duration.ofSeconds(30);

    private final Routes routes;
    private final LiveSessions sessions;
    private final RuntimeScript runtime;
    private final RuntimeScript router;
    private final List<RuntimeScript> parts;
    private final TrustedProxies proxies;
    private final PrincipalCookie principalCookie;   // null: every page is anonymous
    private final BiFunction<PageRequest, String, Page> routedErrorPage;   // null: the plain error page

    /**
     * @param router the router's part, for pages of a route tree
     * @param parts the other runtime parts a page may ask for ({@link LiveSession#runtimeParts()}), by their path
     */
    PageHandler(Handler next, Routes routes, LiveSessions sessions, RuntimeScript runtime, RuntimeScript router, List<RuntimeScript> parts,
                TrustedProxies proxies, PrincipalCookie principalCookie, BiFunction<PageRequest, String, Page> routedErrorPage) {
        super(next);
        this.routes = routes;
        this.sessions = sessions;
        this.runtime = runtime;
        this.router = router;
        this.parts = List.copyOf(parts);
        this.principalCookie = principalCookie;
        this.proxies = proxies;
        this.routedErrorPage = routedErrorPage;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        switch (routes.match(request)) {
            case Routes.Match.None none -> {
                return super.handle(request, response, callback);   // Netron's routes, and its WebSocket on any path
            }
            case Routes.Match.ToPage page -> {
                PageRequest pageRequest = new PageRequest("GET", path, query(request), Map.of());
                renderPage(request, response, callback, () -> page.page().apply(pageRequest), HttpStatus.OK_200, false, null);
            }
            case Routes.Match.ToRoute route -> {
                PageRequest pageRequest = new PageRequest("GET", path, query(request), Map.of());
                answer(request, response, callback, "route " + path, () -> route.route().apply(pageRequest), true, errorPageFor(pageRequest));
            }
            case Routes.Match.ToAction action -> post(request, response, callback, path, action.action());
            case Routes.Match.WrongMethod wrong -> {
                response.getHeaders().put(HttpHeader.ALLOW, wrong.allow());
                ErrorPage.send(response, callback, HttpStatus.METHOD_NOT_ALLOWED_405, "Method not allowed: " + request.getMethod() + " " + path);
            }
        }
        return true;
    }

    private void post(Request request, Response response, Callback callback, String path, Function<PageRequest, ActionResult> action) {
        PageRequest pageRequest = new PageRequest("POST", path, query(request), CsrfHandler.form(request));
        answer(request, response, callback, "action " + path, () -> action.apply(pageRequest), false, null);
    }

    /** The route tree's error page for {@code request} by error id, or null for the plain one. */
    private Function<String, Page> errorPageFor(PageRequest request) {
        return routedErrorPage == null ? null : errorId -> routedErrorPage.apply(request, errorId);
    }

    /**
     * Runs {@code handler} and sends what it answers: a redirect, or a page with its status
     * ({@code routed}: with the router's runtime); a failure is a 500 with {@code errorPage}
     * (null: the plain one).
     */
    private void answer(Request request, Response response, Callback callback, String what, Supplier<ActionResult> handler,
                        boolean routed, Function<String, Page> errorPage) {
        ActionResult result;
        try {
            result = handler.get();
        } catch (RuntimeException e) {
            ErrorPage.failed(response, callback, what, e, errorPage);
            return;
        }
        switch (result) {
            case ActionResult.Redirect r -> Response.sendRedirect(request, response, callback, r.status(), r.location(), true);
            case ActionResult.Show s -> renderPage(request, response, callback, s::page, s.status(), routed, errorPage);
        }
    }

    private void renderPage(Request request, Response response, Callback callback, Supplier<Page> page, int status, boolean routed,
                            Function<String, Page> errorPage) {
        String browser = BrowserCookie.LIVE.readOrIssue(request, response, proxies.isHttps(request), PageHandler::newToken);
        boolean live = !sessions.isFull();   // else the page is rendered as usual but served without its runtime
        LiveSession session = sessions.create(browser);
        String csrf = CsrfHandler.token(request);
        String nonce = SecurityHeadersHandler.nonce(request);
        String shell;
        try {
            Page p = page.get();
            Optional<Principal> visitor = principal(request);
            shell = session.context().call(() -> session.renderShell(p, csrf, nonce, visitor, wanted -> live ? partTags(wanted, nonce, routed) : ""));
        } catch (RuntimeException e) {
            sessions.end(session, LiveProtocol.Close.SESSION_GONE, "Page failed");
            ErrorPage.failed(response, callback, "page " + Request.getPathInContext(request), e, errorPage);
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        SecurityHeadersHandler.applyTo(request, response);
        try (Writer out = new OutputStreamWriter(Content.Sink.asOutputStream(response), StandardCharsets.UTF_8)) {
            stream(session, shell, out, live, nonce, routed);
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
     * a page that is not {@code live} gets no runtime, and its session ends once it is written. A
     * page of a route tree ({@code routed}) gets the router's runtime after the runtime.
     */
    private void stream(LiveSession session, String shell, Writer out, boolean live, String nonce, boolean routed)
            throws IOException, InterruptedException {
        out.write(shell);
        out.flush();
        ChunkStream chunks = session.chunks();
        chunks.writeUntilResolved(out, STREAM_LIMIT, chunks::awaitChunk);
        chunks.endPage(out, live ? runtime.tag(session.token(), nonce) + (routed ? router.tag(nonce) : "") : "");
        if (!live) {
            sessions.end(session, LiveProtocol.Close.SESSION_GONE, "Served without the live runtime");
            return;
        }
        sessions.scheduleExpiry(session);   // from now on the browser has the grace period to attach
    }

    /** Who visits: the principal of the configured cookie, if any. */
    private Optional<Principal> principal(Request request) {
        if (principalCookie == null) {
            return Optional.empty();
        }
        List<HttpCookie> cookies = Request.getCookies(request);
        for (HttpCookie c : cookies) {
            if (c.getName().equals(principalCookie.name())) {
                return principalCookie.principal(c.getValue());
            }
        }
        return Optional.empty();
    }

    /**
     * The tags of the runtime parts the page asked for, with their settings, for the end of the
     * head: a part runs before the page paints (the persist part hides a page whose stored values
     * differ from the rendered ones until they are restored) and hooks into the core through DOM
     * events, so it needs nothing the core defines. A page of a route tree ({@code routed}) gets
     * every part: a live navigation may bring a page that needs one.
     */
    private String partTags(RuntimeParts wanted, String nonce, boolean routed) {
        StringBuilder tags = new StringBuilder();
        for (RuntimeScript part : parts) {
            if (routed || wanted.paths().contains(part.path())) {
                tags.append(part.tag(nonce, wanted.settings(part.path())));
            }
        }
        return tags.toString();
    }

    private void abandon(LiveSession session, int code, String reason, Callback callback, Throwable cause) {
        sessions.end(session, code, reason);
        callback.failed(cause);
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
