package dev.aether.web.live;

import dev.aether.web.ActionResult;
import dev.aether.web.PageRequest;
import dev.aether.web.Page;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * The pages (GET) and actions (POST) of an {@link AetherWeb}, by exact path, then the router's
 * pages ({@code routedPages}: a raw path to its GET handler, or empty when the route tree has none)
 * and their actions ({@code routedActions}: its POST handler, or empty when the page takes no forms):
 * which one a request is for. Every handler wrapper of the web layer asks it, so each acts on the
 * same requests.
 *
 * <pre>{@code
 * switch (routes.match(request)) {
 *     case Routes.Match.ToPage p -> render(p.page());
 *     case Routes.Match.ToRoute r -> answer(r.route());
 *     case Routes.Match.ToAction a -> post(a.action());
 *     case Routes.Match.WrongMethod w -> methodNotAllowed(w.allow());
 *     case Routes.Match.None n -> next.handle(request, response, callback);
 * }
 * }</pre>
 */
record Routes(Map<String, Function<PageRequest, Page>> pages, Map<String, Function<PageRequest, ActionResult>> actions,
              Function<String, Optional<Function<PageRequest, ActionResult>>> routedPages,
              Function<String, Optional<Function<PageRequest, ActionResult>>> routedActions) {

    /** What a request is for. */
    sealed interface Match {
        /** A GET of a page. */
        record ToPage(Function<PageRequest, Page> page) implements Match {
        }

        /** A GET of a page of the route tree: its answer may be a redirect or a 404 page too. */
        record ToRoute(Function<PageRequest, ActionResult> route) implements Match {
        }

        /** A POST to an action. */
        record ToAction(Function<PageRequest, ActionResult> action) implements Match {
        }

        /** A page or action path with a method it does not take; {@code allow} is the Allow header's value. */
        record WrongMethod(String allow) implements Match {
        }

        /** Not for a page or an action (Netron's routes, any WebSocket handshake): passed on. */
        enum None implements Match { INSTANCE }
    }

    Match match(Request request) {
        String path = Request.getPathInContext(request);
        Function<PageRequest, Page> page = pages.get(path);
        Function<PageRequest, ActionResult> action = actions.get(path);
        Function<PageRequest, ActionResult> routed = page == null && action == null
                ? routedPages.apply(request.getHttpURI().getPath()).orElse(null)   // raw: the router decodes each segment itself
                : null;
        if (routed != null) {
            action = routedActions.apply(request.getHttpURI().getPath()).orElse(null);   // the route's forms, if it takes any
        }
        if ((page == null && action == null && routed == null) || isWebSocketUpgrade(request)) {
            return Match.None.INSTANCE;   // Netron's routes, and its WebSocket on any path
        }
        String method = request.getMethod();
        if (method.equals("GET") && page != null) {
            return new Match.ToPage(page);
        }
        if (method.equals("GET") && routed != null) {
            return new Match.ToRoute(routed);
        }
        if (method.equals("POST") && action != null) {
            return new Match.ToAction(action);
        }
        return new Match.WrongMethod((page != null || routed != null ? "GET" : "") + ((page != null || routed != null) && action != null ? ", " : "") + (action != null ? "POST" : ""));
    }

    /** A WebSocket handshake (an {@code Upgrade: h2c} offer is still a page request). */
    private static boolean isWebSocketUpgrade(Request request) {
        String upgrade = request.getHeaders().get(HttpHeader.UPGRADE);
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }
}
