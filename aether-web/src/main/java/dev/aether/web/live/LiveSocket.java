package dev.aether.web.live;

import dev.aether.titan.inbound.InboundBudget;
import dev.aether.titan.inbound.MessageAllowance;
import dev.aether.titan.transport.Heartbeat;
import dev.aether.titan.transport.SocketFrames;
import dev.aether.web.protocol.LiveProtocol;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser connection of a live session. Messages from the browser are parsed into an
 * {@link InboundMessage}: an event or an acknowledgement of the frames applied. A malformed message is answered with a
 * {@code ["!", 0, reason]} patch and dropped; the connection and the session stay. Events (and
 * malformed messages) count against the session's {@linkplain AetherWeb.Builder#eventRateLimit
 * rate limit}: one over it is answered with {@code ["!", seq, reason]} and not run.
 *
 * <p>A runtime that has events to send first ({@link LiveProtocol.Paths#FIRST_EVENTS_PARAM}: the
 * values it restores from browser storage) gets its frames only once those have run, so the
 * first frame the page applies already shows them; the socket waits for them at most
 * {@link #FIRST_EVENTS_WAIT}, and for at most {@value #MAX_FIRST_EVENTS} of them.
 *
 * <p>Jetty's websocket-core calls it through {@link SocketFrames} (text in fragments, binary
 * messages whole); {@link LiveHandlers} maps it:
 *
 * <pre>{@code
 * WebSocketNegotiator negotiator = (request, response, callback) -> new SocketFrames(gate.admit(request));
 * upgrade.addMapping(LiveProtocol.Paths.LIVE, negotiator);
 * }</pre>
 */
final class LiveSocket implements SocketFrames.Socket {
    private static final Logger LOG = LoggerFactory.getLogger(LiveSocket.class);
    /** The largest message a browser may send, in characters (an event with its data). */
    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    private static final Duration PING_INTERVAL = Duration.ofSeconds(20);
    /** The most events a connection may ask the session to wait for before its replay. */
    static final int MAX_FIRST_EVENTS = 32;
    /** How long the replay waits for the first events the connection announced. */
    static final Duration FIRST_EVENTS_WAIT = Duration.ofSeconds(2);

    private final LiveSessions sessions;
    private final LiveSession session;
    private final long lastSeen;
    /** The announced first events not received yet; the session's frames go out when none is left. */
    private final AtomicInteger firstEvents;
    private final AtomicBoolean attachAsked = new AtomicBoolean();
    private final int rejectCode;
    private final String rejectReason;
    private final InboundBudget budget;
    /** The fragments of a message the browser has not finished; Jetty delivers them one at a time. */
    private final StringBuilder unfinished = new StringBuilder();
    private volatile MessageAllowance allowance;
    private volatile Connection connection;
    private volatile Heartbeat heartbeat;

    private LiveSocket(LiveSessions sessions, LiveSession session, long lastSeen, int firstEvents, int rejectCode, String rejectReason,
                       InboundBudget budget) {
        this.firstEvents = new AtomicInteger(firstEvents);
        this.budget = budget;
        this.sessions = sessions;
        this.session = session;
        this.lastSeen = lastSeen;
        this.rejectCode = rejectCode;
        this.rejectReason = rejectReason;
    }

    /**
     * @param firstEvents how many events the browser sends before it may see a frame (at most {@link #MAX_FIRST_EVENTS})
     * @param budget      the server's budget for unfinished messages, shared with the Netron WebSocket
     */
    static LiveSocket accepted(LiveSessions sessions, LiveSession session, long lastSeen, int firstEvents, InboundBudget budget) {
        return new LiveSocket(sessions, session, lastSeen, firstEvents, 0, null, budget);
    }

    static LiveSocket rejected(int code, String reason) {
        return new LiveSocket(null, null, 0, 0, code, reason, null);
    }

    private record Connection(CoreSession ws) implements LiveConnection {
        @Override
        public void send(String frame) {
            ws.sendFrame(new Frame(OpCode.TEXT, frame), Callback.NOOP, false);
        }

        @Override
        public void close(int code, String reason) {
            ws.close(code, reason, Callback.NOOP);
        }
    }

    @Override
    public SocketFrames.Sinks onOpen(CoreSession ws) {
        SocketFrames.Sinks sinks = new SocketFrames.Sinks(SocketFrames.Sinks.partialText(ws, this::onTextFragment),
                SocketFrames.Sinks.wholeBinary(ws, this::onBinary));
        if (session == null) {
            ws.close(rejectCode, rejectReason, Callback.NOOP);
            return sinks;
        }
        Connection c = new Connection(ws);
        connection = c;
        allowance = budget.open(() -> c.close(CloseStatus.POLICY_VIOLATION, "Message not finished in time"));
        if (firstEvents.get() == 0) {
            if (!attach(c)) {
                return sinks;
            }
        } else {
            try {
                sessions.timers().schedule(() -> attach(c), FIRST_EVENTS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                c.close(LiveProtocol.Close.GOING_AWAY, "Server stopping");
                return sinks;
            }
        }
        // Browsers answer pings themselves; they keep proxies from closing a quiet connection.
        Heartbeat beat = Heartbeat.keepAlive(ws, Heartbeat.Timer.of(sessions.timers()), PING_INTERVAL);
        heartbeat = beat;
        try {
            beat.start();
        } catch (RejectedExecutionException stopping) {
            c.close(LiveProtocol.Close.GOING_AWAY, "Server stopping");
        }
        return sinks;
    }

    /**
     * Attaches the connection to its session (the frames it missed, then the resume frame), once,
     * after what was posted before; false when the session is gone (the connection is closed).
     */
    private boolean attach(Connection c) {
        if (!attachAsked.compareAndSet(false, true)) {
            return true;
        }
        if (!post(() -> {
            if (!session.attach(c, lastSeen)) {
                c.close(LiveProtocol.Close.SESSION_GONE, "Session cannot resume");
            }
        })) {
            c.close(LiveProtocol.Close.SESSION_GONE, "Session expired");
            return false;
        }
        return true;
    }

    /**
     * A fragment of a text message. A message in one frame (what browsers send) is handled as it
     * is; the fragments of a longer one are held against the server's {@link InboundBudget}, at
     * most {@value #MAX_MESSAGE_CHARS} characters, and must be finished within its time limit.
     */
    private void onTextFragment(String fragment, boolean last) {
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
            c.close(CloseStatus.MESSAGE_TOO_LARGE, "Message too big");
            return;
        }
        // Two bytes a character: what a String costs at worst.
        if (!allowance.reserve(2L * fragment.length())) {
            dropUnfinished();
            c.close(CloseStatus.TRY_AGAIN_LATER, "Server busy: try again later");
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
        switch (InboundMessage.parse(message)) {
            case InboundMessage.Event e -> {
                // Counted here, on the connection's thread, so a flood costs a parse and a post, never a handler run.
                boolean permitted = session.tryEvent();
                post(() -> {
                    session.acknowledge(e.lastSeen());
                    if (permitted) {
                        session.receive(e);
                    } else {
                        session.refuse(e.seq(), sessions.eventRate().refusal());
                    }
                });
                if (firstEvents.get() > 0 && firstEvents.decrementAndGet() == 0) {
                    attach(connection);   // posted after the event: its patches are in the replay
                }
            }
            case InboundMessage.Ack ack -> post(() -> session.acknowledge(ack.lastSeen()));
            case InboundMessage.Malformed bad -> {
                if (session.tryEvent()) {   // a flood of garbage is refused as a flood of events is, but silently
                    post(() -> session.emit(new Patch.Rejected(0, bad.reason())));
                }
            }
        }
    }

    private void onBinary(ByteBuffer payload) {
        if (session != null && session.tryEvent()) {
            post(() -> session.emit(new Patch.Rejected(0, "binary messages are not part of the live protocol")));
        }
    }

    @Override
    public void onClose(int statusCode, String reason) {
        attachAsked.set(true);   // a wait for first events that ends now must not attach a closed connection
        stopPings();
        MessageAllowance a = allowance;
        if (a != null) {
            a.close(); // what an unfinished message held goes back to the budget
        }
        Connection c = connection;
        if (session != null && c != null) {
            // The runtime saying its page is gone (pagehide; it never reconnects after one): the
            // session ends now, so what the page held (streams, queries) is let go at once rather
            // than after the grace period, which is for connections that drop.
            boolean pageClosed = statusCode == CloseStatus.NORMAL && LiveProtocol.Close.PAGE_LEFT.equals(reason);
            post(() -> {
                if (session.detach(c) && pageClosed) {
                    sessions.end(session, LiveProtocol.Close.SESSION_GONE, "Page closed");
                }
            });
        }
    }

    @Override
    public void onError(Throwable cause) {
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
}
