package dev.aether.titan.ws;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.handshake.Handshake;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.stream.PeerStreams;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.call.Caller;
import dev.aether.titan.log.ClientErrorLog;
import dev.aether.netron.protocol.log.LogText;
import dev.aether.titan.transport.Heartbeat;
import dev.aether.titan.transport.SocketFrames;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Netron WebSocket connection: closes it at once when the upgrade was rejected (4000/4001),
 * otherwise runs the handshake (sends {@code {"type":"id"}}, waits for {@code client-id} in a
 * text or binary frame, re-keys the peer), then decodes every binary message as one packet and
 * hands it to the {@link PacketRouter}. On close it releases everything the connection holds.
 * Jetty's websocket-core calls it through {@link SocketFrames}: binary messages in fragments
 * (joined by its {@link FrameAssembler} against the server's budget), text messages whole.
 *
 * <pre>{@code
 * WebSocketNegotiator negotiator = (request, response, callback) -> new SocketFrames(new NetronSocket(gate.admit(request), context));
 * }</pre>
 */
final class NetronSocket implements SocketFrames.Socket {
    private static final Logger LOG = LoggerFactory.getLogger(NetronSocket.class);
    private static final ClientErrorLog REFUSALS = new ClientErrorLog(LOG);
    private static final int MAX_CLIENT_ID_LENGTH = 256;

    private final Admission admission;
    private final SocketContext context;
    private volatile FrameAssembler frames;
    private volatile CoreSession session;
    private volatile Peer peer;
    private volatile Heartbeat heartbeat;
    private volatile Scheduler.Task handshakeTimer;
    private volatile boolean handshakeDone;
    private volatile boolean refused;

    NetronSocket(Admission admission, SocketContext context) {
        this.admission = admission;
        this.context = context;
    }

    @Override
    public SocketFrames.Sinks onOpen(CoreSession session) {
        SocketFrames.Sinks sinks = new SocketFrames.Sinks(SocketFrames.Sinks.wholeText(session, this::onText),
                SocketFrames.Sinks.partialBinary(session, this::onBinaryFragment));
        if (admission instanceof Admission.Rejected rejected) {
            REFUSALS.info("rejected upgrade", "rejecting WebSocket from {}: {} ({})", session.getRemoteAddress(), rejected.reason(),
                    rejected.code());
            session.close(rejected.code(), rejected.reason(), Callback.NOOP);
            return sinks;
        }
        Caller caller = ((Admission.Accepted) admission).caller();
        this.session = session;
        Outbox outbox = new Outbox(session, context.codec());
        PeerEvents events = new PeerEvents(context.events(), context.codec(), outbox,
                () -> session.close(CloseCodes.SLOW_SUBSCRIBER, "Too slow reading events", Callback.NOOP));
        Peer p = new Peer(caller, outbox, new InFlightCalls(context.options().maxInFlightPerPeer()), events,
                new PeerStreams(new SessionStreamWire(session, context.codec()), context.streamLimits(),
                        failure -> Dispatcher.toNetron(failure, "stream", "next").getMessage()));
        frames = new FrameAssembler(context.maxPacketBytes(), context.budget().open(() -> {
            LOG.info("peer {} did not finish a message in time: closing", caller.remoteAddress());
            session.close(CloseStatus.POLICY_VIOLATION, "Message not finished in time", Callback.NOOP);
        }));
        peer = p;
        context.peers().add(this);
        // The reference waits ~10 ms before this; clients buffer it anyway, so it goes at once.
        p.outbox().sendRaw(new Handshake.ServerId(context.serverId()).toBytes());
        handshakeTimer = context.scheduler().schedule(() -> {
            if (!handshakeDone) {
                REFUSALS.info("handshake timeout", "no client-id from {} in time: closing", caller.remoteAddress());
                session.close(CloseStatus.POLICY_VIOLATION, "Handshake timeout", Callback.NOOP);
            }
        }, context.options().handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        Heartbeat beat = new Heartbeat(session, Heartbeat.Timer.of(context.scheduler()), context.options().pingInterval(), context.options().pongTimeout());
        heartbeat = beat;
        beat.start();
        return sinks;
    }

    private void onBinaryFragment(ByteBuffer fragment, boolean last) {
        Peer p = peer;
        if (p == null || refused) {
            return; // rejected connection, or one refused for the budget: closing
        }
        FrameAssembler.Message message = frames.append(fragment, last);
        if (message instanceof FrameAssembler.Complete complete) {
            onFrame(p, complete.frame());
        } else if (message instanceof FrameAssembler.TooLarge tooLarge) {
            reject(p, tooLarge.head(), SerializationException.tooLarge(tooLarge.size(), context.maxPacketBytes()));
        } else if (message instanceof FrameAssembler.Refused) {
            refused = true;
            LOG.info("peer {}: the server's budget for unfinished messages is spent: closing", p.caller().peerId());
            session.close(CloseStatus.TRY_AGAIN_LATER, "Server busy: try again later", Callback.NOOP);
        }
    }

    private void onText(String text) {
        Peer p = peer;
        if (p == null) {
            return;
        }
        if (handshakeDone) {
            REFUSALS.info("text frame", "peer {}: dropped a text frame: after the handshake every frame is a binary packet",
                    LogText.of(p.caller().peerId()));
            return;
        }
        handshake(p, text);
    }

    @Override
    public void onPong() {
        Heartbeat beat = heartbeat;
        if (beat != null) {
            beat.pong();
        }
    }

    @Override
    public void onError(Throwable cause) {
        LOG.debug("WebSocket error: {}", LogText.of(cause));
    }

    @Override
    public void onClose(int statusCode, String reason) {
        context.peers().remove(this);
        Heartbeat beat = heartbeat;
        if (beat != null) {
            beat.stop();
        }
        Scheduler.Task timer = handshakeTimer;
        if (timer != null) {
            timer.cancel();
        }
        FrameAssembler assembler = frames;
        if (assembler != null) {
            assembler.release();
        }
        Peer p = peer;
        if (p != null) {
            p.calls().closeAll();
            p.events().closeAll();
            p.streams().closeAll(new TransportLostException("Connection closed (" + statusCode + ")"));
        }
    }

    /** The server is stopping: tells the peer (1001), which reconnects elsewhere or later. */
    void goAway() {
        CoreSession s = session;
        if (s != null) {
            s.close(CloseStatus.SHUTDOWN, "Server stopping", Callback.NOOP);
        }
    }

    int openStreams() {
        Peer p = peer;
        return p == null ? 0 : p.streams().inboundCount() + p.streams().outboundCount();
    }

    int callsInFlight() {
        Peer p = peer;
        return p == null ? 0 : p.calls().size();
    }

    private void onFrame(Peer p, byte[] frame) {
        Heartbeat beat = heartbeat;
        if (beat != null) {
            beat.pong(); // any frame proves the peer is alive
        }
        if (!handshakeDone) {
            // titan clients send client-id as a binary frame; anything else before it is not processed
            if (Handshake.looksLikeHandshake(frame)) {
                handshake(p, new String(frame, StandardCharsets.UTF_8));
            } else {
                REFUSALS.info("packet before client-id", "peer {}: dropped a packet sent before client-id", LogText.of(p.caller().peerId()));
            }
            return;
        }
        Packet packet;
        try {
            packet = context.codec().decode(frame);
        } catch (SerializationException e) {
            reject(p, frame, e);
            return;
        }
        context.router().route(p, packet);
    }

    private void handshake(Peer p, String text) {
        Handshake message;
        try {
            message = Handshake.parse(text);
        } catch (SerializationException e) {
            REFUSALS.info("invalid handshake", "peer {}: dropped an invalid handshake message: {}", LogText.of(p.caller().peerId()),
                    LogText.of(e.getMessage()));
            return;
        }
        if (!(message instanceof Handshake.ClientId clientId) || clientId.id().isEmpty() || clientId.id().length() > MAX_CLIENT_ID_LENGTH) {
            REFUSALS.info("invalid handshake", "peer {}: dropped a handshake message that is not a usable client-id",
                    LogText.of(p.caller().peerId()));
            return;
        }
        p.rekey(clientId.id());
        if (clientId.credits() > 0) {
            // Our extension: the client offered credit-based flow control; accept before any packet goes out.
            p.streams().enableCredits(clientId.credits());
            p.outbox().sendRaw(new Handshake.CreditsAccepted(context.serverId(), context.streamLimits().credits()).toBytes());
        }
        if (clientId.keys()) {
            // Our extension: the client's CALLs carry a key slot from now on; say so before any packet goes out.
            p.acceptKeyedCalls();
            p.outbox().sendRaw(new Handshake.KeysAccepted(context.serverId()).toBytes());
        }
        handshakeDone = true;
        Scheduler.Task timer = handshakeTimer;
        if (timer != null) {
            timer.cancel();
        }
    }

    private static void reject(Peer p, byte[] head, NetronException error) {
        UndecodableFrame.reply(head, error).ifPresentOrElse(p.outbox()::send,
                () -> REFUSALS.info("undecodable frame", "peer {}: dropped an undecodable frame of {} bytes: {}", LogText.of(p.caller().peerId()),
                        head.length, LogText.of(error.getMessage())));
    }
}
