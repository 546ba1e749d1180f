package dev.aether.web.live;

import dev.aether.titan.TitanSettings;
import dev.aether.titan.inbound.InboundBudget;
import dev.aether.titan.transport.OriginCheck;
import dev.aether.web.protocol.LiveProtocol;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;

/**
 * Decides whether a live-channel upgrade may attach: a browser's Origin must be this site's
 * (or one of Titan's allowed origins, when some are configured), the session token must name
 * a live session, and the request must carry the live cookie of the browser that page was
 * rendered for ({@link BrowserCookie#LIVE}). {@code ?s=TOKEN&last=N}: N is the last frame the page applied.
 * A token without its browser's cookie is refused exactly as an unknown token is (4404), so the
 * answer does not tell whether the token exists.
 */
final class LiveGate {
    private final LiveSessions sessions;
    private final OriginCheck origins;
    private final InboundBudget budget;

    LiveGate(LiveSessions sessions, TitanSettings settings, InboundBudget budget) {
        this.sessions = sessions;
        this.origins = new OriginCheck(settings.allowedOrigins());
        this.budget = budget;
    }

    LiveSocket admit(Request request) {
        if (!origins.admits(request)) {
            return LiveSocket.rejected(LiveProtocol.Close.FORBIDDEN_ORIGIN, "Origin not allowed");
        }
        Fields query = Request.extractQueryParameters(request);
        LiveSession session = sessions.get(query.getValue(LiveProtocol.Paths.SESSION_PARAM));
        if (session == null || !session.renderedFor(BrowserCookie.LIVE.from(request))) {
            return LiveSocket.rejected(LiveProtocol.Close.SESSION_GONE, "Session expired");
        }
        long last;
        int first;
        try {
            String value = query.getValue(LiveProtocol.Paths.LAST_SEEN_PARAM);
            last = value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return LiveSocket.rejected(LiveProtocol.Close.SESSION_GONE, "Bad resume position");
        }
        try {
            String value = query.getValue(LiveProtocol.Paths.FIRST_EVENTS_PARAM);
            first = value == null ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            first = -1;
        }
        if (first < 0) {
            return LiveSocket.rejected(LiveProtocol.Close.SESSION_GONE, "Bad first-events count");
        }
        // More than the cap are run as they come, after the replay: a peer cannot hold a session back for long.
        return LiveSocket.accepted(sessions, session, last, Math.min(first, LiveSocket.MAX_FIRST_EVENTS), budget);
    }
}
