package dev.aether.web.live;

import dev.aether.titan.TitanSettings;
import dev.aether.titan.inbound.InboundBudget;
import dev.aether.titan.transport.SocketFrames;
import dev.aether.web.ActionResult;
import dev.aether.web.Page;
import dev.aether.web.PageRequest;
import dev.aether.web.PrincipalCookie;
import dev.aether.web.protocol.LiveProtocol;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * The live pages' handlers in front of Titan's, built once per server: the one entry
 * {@link dev.aether.web.AetherWeb} uses, so the live package's parts stay package-private.
 *
 * <pre>{@code
 * LiveHandlers live = LiveHandlers.wrap(server, next, settings, options);
 * server.setHandler(live.handler());   // ... later: live.stop()
 * }</pre>
 */
public final class LiveHandlers {
    private final Handler handler;
    private final LiveSessions sessions;

    /**
     * What the live pages need to know, as {@link dev.aether.web.AetherWeb.Builder} collected it;
     * {@code routedErrorPage} is the route tree's page for a failed routed page, from the request
     * and the error id (null: the plain error page).
     */
    public record Options(Map<String, Function<PageRequest, Page>> pages, Map<String, Function<PageRequest, ActionResult>> actions,
                          Function<String, Optional<Function<PageRequest, ActionResult>>> routedPages,
                          Function<String, Optional<Function<PageRequest, ActionResult>>> routedActions,
                          BiFunction<PageRequest, String, Page> routedErrorPage,
                          Duration grace, int maxBufferedFrames, int maxSessions, EventRateLimit eventRate,
                          Function<String, String> scriptPolicy, Set<String> trustedProxies, PrincipalCookie principalCookie) {
    }

    private LiveHandlers(Handler handler, LiveSessions sessions) {
        this.handler = handler;
        this.sessions = sessions;
    }

    /** Builds the live socket and the page handlers in front of {@code next} (Titan's routes). */
    public static LiveHandlers wrap(Server server, Handler next, TitanSettings settings, Options options) {
        LiveSessions live = new LiveSessions(options.grace(), options.maxBufferedFrames(), options.maxSessions(), options.eventRate());
        TrustedProxies proxies = new TrustedProxies(options.trustedProxies());
        // Unfinished messages draw on the server's one budget, shared with the Netron WebSocket.
        LiveGate gate = new LiveGate(live, settings, InboundBudget.of(server));
        // Jetty's websocket-core, not its listener API, which would need LiveSocket's package exported to everyone.
        WebSocketUpgradeHandler upgrade = new WebSocketUpgradeHandler(WebSocketServerComponents.ensureWebSocketComponents(server));
        upgrade.getConfiguration().setMaxTextMessageSize(LiveSocket.MAX_MESSAGE_CHARS);
        // Binary messages are not part of the live protocol: Jetty would gather up to 64 KiB of one outside the budget.
        upgrade.getConfiguration().setMaxBinaryMessageSize(1024);
        upgrade.getConfiguration().setIdleTimeout(Duration.ofSeconds(60));
        WebSocketNegotiator negotiator = (request, response, callback) -> {
            // No permessage-deflate: it keeps a Deflater (~88 KB of native memory) per connection
            // to save about 10 bytes on a 21-byte patch frame.
            response.setExtensions(List.of());
            return new SocketFrames(gate.admit(request));
        };
        upgrade.addMapping(LiveProtocol.Paths.LIVE, negotiator);
        // One concern per wrapper, outermost first: the runtime script, the pages' security headers,
        // the CSRF check of posted forms, then the pages and actions; Netron's routes come last.
        Routes routes = new Routes(options.pages(), options.actions(), options.routedPages(), options.routedActions());
        RuntimeScript runtime = RuntimeScript.load(), router = RuntimeScript.loadRouter(), persistPart = RuntimeScript.persistPart();
        Handler pageRoutes = new PageHandler(next, routes, live, runtime, router, List.of(persistPart), proxies, options.principalCookie(),
                options.routedErrorPage());
        Handler csrf = new CsrfHandler(pageRoutes, routes, proxies);
        Handler securityHeaders = new SecurityHeadersHandler(csrf, routes, options.scriptPolicy());
        upgrade.setHandler(new RuntimeScriptHandler(securityHeaders, runtime, router, persistPart));
        return new LiveHandlers(upgrade, live);
    }

    /** The outermost handler: the live socket's upgrade, then the page wrappers, then {@code next}. */
    public Handler handler() {
        return handler;
    }

    /** Live sessions held now (rendered pages not yet ended). */
    public int sessionCount() {
        return sessions.count();
    }

    /** Ends every live session (the server is stopping). */
    public void stop() {
        sessions.endAll();
    }
}
