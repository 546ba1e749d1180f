package dev.aether.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.titan.inbound.InboundBudget;
import dev.aether.titan.inbound.MessageAllowance;
import dev.aether.titan.transport.Heartbeat;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser connection of a live session. Frames from the browser are JSON arrays:
 * {@code ["e", seq, elementId, type, {data}, lastSeen]} for an event (a seventh element numbers
 * the handler when an element has several of that type) and {@code ["a", lastSeen]}
 * for an acknowledgement of the frames applied. A malformed message is answered with a
 * {@code ["!", 0, reason]} patch and dropped; the connection and the session stay. Events (and
 * malformed messages) count against the session's {@linkplain AetherWeb.Builder#eventRateLimit
 * rate limit}: one over it is answered with {@code ["!", seq, reason]} and not run.
 *
 * <p>Public only because Jetty's listener metadata needs a public class; {@link dev.aether.web.AetherWeb}
 * creates it:
 *
 * <pre>{@code
 * container.addMapping("/_aether/live", (request, response, callback) -> gate.admit(request));   // a LiveSocket
 * }</pre>
 */
public final class LiveSocket implements Session.Listener.AutoDemanding {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    static final int MAX_DATA_FIELDS = 256;
    /** The largest message a browser may send, in characters (an event with its data). */
    public static final int MAX_MESSAGE_CHARS = 64 * 1024;
    private static final Duration PING_INTERVAL = Duration.ofSeconds(20);

    private final LiveSessions sessions;
    private final LiveSession session;
    private final long lastSeen;
    private final int rejectCode;
    private final String rejectReason;
    private final InboundBudget budget;
    /** The fragments of a message the browser has not finished; Jetty delivers them one at a time. */
    private final StringBuilder unfinished = new StringBuilder();
    private volatile MessageAllowance allowance;
    private volatile Connection connection;
    private volatile Heartbeat heartbeat;

    private LiveSocket(LiveSessions sessions, LiveSession session, long lastSeen, int rejectCode, String rejectReason,
                       InboundBudget budget) {
        this.budget = budget;
        this.sessions = sessions;
        this.session = session;
        this.lastSeen = lastSeen;
        this.rejectCode = rejectCode;
        this.rejectReason = rejectReason;
    }

    /** @param budget the server's budget for unfinished messages, shared with the Netron WebSocket */
    static LiveSocket accepted(LiveSessions sessions, LiveSession session, long lastSeen, InboundBudget budget) {
        return new LiveSocket(sessions, session, lastSeen, 0, null, budget);
    }

    static LiveSocket rejected(int code, String reason) {
        return new LiveSocket(null, null, 0, code, reason, null);
    }

    private record Connection(Session ws) implements LiveConnection {
        @Override
        public void send(String frame) {
            ws.sendText(frame, Callback.NOOP);
        }

        @Override
        public void close(int code, String reason) {
            ws.close(code, reason, Callback.NOOP);
        }
    }

    @Override
    public void onWebSocketOpen(Session ws) {
        if (session == null) {
            ws.close(rejectCode, rejectReason, Callback.NOOP);
            return;
        }
        Connection c = new Connection(ws);
        connection = c;
        allowance = budget.open(() -> c.close(StatusCode.POLICY_VIOLATION, "Message not finished in time"));
        if (!post(() -> {
            if (!session.attach(c, lastSeen)) {
                c.close(LiveProtocol.Close.SESSION_GONE, "Session cannot resume");
            }
        })) {
            c.close(LiveProtocol.Close.SESSION_GONE, "Session expired");
            return;
        }
        // Browsers answer pings themselves; they keep proxies from closing a quiet connection.
        Heartbeat beat = Heartbeat.keepAlive(ws, Heartbeat.Timer.of(sessions.timers()), PING_INTERVAL);
        heartbeat = beat;
        try {
            beat.start();
        } catch (RejectedExecutionException stopping) {
            c.close(LiveProtocol.Close.GOING_AWAY, "Server stopping");
        }
    }

    /**
     * A fragment of a text message. A message in one frame (what browsers send) is handled as it
     * is; the fragments of a longer one are held against the server's {@link InboundBudget}, at
     * most {@value #MAX_MESSAGE_CHARS} characters, and must be finished within its time limit.
     */
    @Override
    public void onWebSocketPartialText(String fragment, boolean last) {
        Connection c = connection;
        if (session == null || c == null) {
            return;
        }
        if (last && unfinished.isEmpty()) {
            onMessage(fragment);
            return;
        }
        if (unfinished.length() + fragment.length() > MAX_MESSAGE_CHARS) {
            dropUnfinished();
            c.close(StatusCode.MESSAGE_TOO_LARGE, "Message too big");
            return;
        }
        // Two bytes a character: what a String costs at worst.
        if (!allowance.reserve(2L * fragment.length())) {
            dropUnfinished();
            c.close(StatusCode.TRY_AGAIN_LATER, "Server busy: try again later");
            return;
        }
        unfinished.append(fragment);
        if (!last) {
            allowance.unfinished();
            return;
        }
        String message = unfinished.toString();
        dropUnfinished();
        onMessage(message);
    }

    private void dropUnfinished() {
        unfinished.setLength(0);
        unfinished.trimToSize();
        allowance.finished();
    }

    private void onMessage(String message) {
        Object parsed = parse(message);
        if (parsed instanceof String error) {
            if (session.tryEvent()) {   // a flood of garbage is refused as a flood of events is, but silently
                post(() -> session.emit(new Patch.Rejected(0, error)));
            }
            return;
        }
        if (parsed instanceof Event e) {
            // Counted here, on the connection's thread, so a flood costs a parse and a post, never a handler run.
            boolean permitted = session.tryEvent();
            post(() -> {
                session.acknowledge(e.lastSeen());
                if (permitted) {
                    session.receive(e.seq(), e.elementId(), e.type(), e.handler(), e.data());
                } else {
                    session.refuse(e.seq(), sessions.eventRate().refusal());
                }
            });
        } else if (parsed instanceof Long ack) {
            post(() -> session.acknowledge(ack));
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        if (session != null && session.tryEvent()) {
            post(() -> session.emit(new Patch.Rejected(0, "binary messages are not part of the live protocol")));
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        callback.succeed();
        stopPings();
        MessageAllowance a = allowance;
        if (a != null) {
            a.close(); // what an unfinished message held goes back to the budget
        }
        Connection c = connection;
        if (session != null && c != null) {
            post(() -> session.detach(c));
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        stopPings();
        LOG.debug("live connection failed", cause);
    }

    private void stopPings() {
        Heartbeat beat = heartbeat;
        if (beat != null) {
            beat.stop();
        }
    }

    private boolean post(Runnable task) {
        try {
            session.context().post(task);
            return true;
        } catch (RejectedExecutionException ended) {
            return false;
        }
    }

    /** An event; {@code handler} numbers the handlers of one type on one element (0 when there is one). */
    record Event(long seq, String elementId, String type, Map<String, String> data, long lastSeen, int handler) {
        Event(long seq, String elementId, String type, Map<String, String> data, long lastSeen) {
            this(seq, elementId, type, data, lastSeen, 0);
        }
    }

    /** An {@link Event}, a Long (an acknowledgement) or a String (what is wrong with the message). */
    static Object parse(String message) {
        JsonNode m;
        try {
            m = LiveSession.JSON.readTree(message);
        } catch (Exception e) {
            return "malformed message: not JSON";
        }
        if (m == null || !m.isArray() || m.isEmpty() || !m.get(0).isTextual()) {
            return "malformed message: expected [\"e\", …] or [\"a\", …]";
        }
        switch (m.get(0).asText()) {
            case "a" -> {
                if (m.size() != 2 || !m.get(1).canConvertToLong()) {
                    return "malformed acknowledgement: expected [\"a\", lastSeen]";
                }
                return m.get(1).asLong();
            }
            case "e" -> {
                if ((m.size() != 6 && m.size() != 7) || !m.get(1).canConvertToLong() || m.get(1).asLong() < 1 || !m.get(2).isTextual()
                        || !m.get(3).isTextual() || !m.get(4).isObject() || !m.get(5).canConvertToLong()
                        || (m.size() == 7 && !(m.get(6).canConvertToInt() && m.get(6).asInt() >= 0 && m.get(6).asInt() < 64))) {
                    return "malformed event: expected [\"e\", seq, elementId, type, {data}, lastSeen(, handler)]";
                }
                if (m.get(4).size() > MAX_DATA_FIELDS) {
                    return "malformed event: more than " + MAX_DATA_FIELDS + " data fields";
                }
                Map<String, String> data = new HashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = m.get(4).fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (!f.getValue().isTextual()) {
                        return "malformed event: data field '" + f.getKey() + "' is not a string";
                    }
                    data.put(f.getKey(), f.getValue().asText());
                }
                return new Event(m.get(1).asLong(), m.get(2).asText(), m.get(3).asText(), data, m.get(5).asLong(),
                        m.size() == 7 ? m.get(6).asInt() : 0);
            }
            default -> {
                return "unknown message type '" + m.get(0).asText() + "'";
            }
        }
    }
}
