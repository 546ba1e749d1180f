package dev.aether.titan.transport;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.messages.ByteBufferMessageSink;
import org.eclipse.jetty.websocket.core.messages.MessageSink;
import org.eclipse.jetty.websocket.core.messages.PartialByteBufferMessageSink;
import org.eclipse.jetty.websocket.core.messages.PartialStringMessageSink;
import org.eclipse.jetty.websocket.core.messages.StringMessageSink;

/**
 * One WebSocket connection on Jetty's websocket-core, turned into the few events a socket of ours
 * handles. Jetty's listener API would do the same, but it reaches a listener through
 * {@code MethodHandles.publicLookup()}, which only sees packages exported to everyone; a core
 * {@link FrameHandler} is called like any object, so the sockets stay in internal packages.
 *
 * <p>What it does as Jetty's listener layer did: the messages go to the {@link Sinks} the socket
 * chose (whole, bounded by the connection's maximum message sizes, or fragment by fragment); a
 * ping is answered with a pong; the close is reported once, when the peer's close frame arrives or
 * the connection ends; the next frame is read only when the last one is handled (back-pressure).
 *
 * <pre>{@code
 * WebSocketNegotiator negotiator = (request, response, callback) -> new SocketFrames(new MySocket());
 * upgrade.addMapping("/live", negotiator);
 * // MySocket.onOpen(session) returns new Sinks(Sinks.partialText(session, this::onText), Sinks.wholeBinary(session, b -> { }))
 * }</pre>
 */
public final class SocketFrames implements FrameHandler {
    /** What one socket does with its connection's events; each is called on Jetty's thread, one at a time. */
    public interface Socket {
        /** The connection is open; {@code session} sends and closes. Returns where its messages go. */
        Sinks onOpen(CoreSession session);

        /** A pong arrived: the answer to a ping, or one the peer sent on its own. */
        default void onPong() {
        }

        /** The connection failed (idle timeout, protocol error, a message over its limit); {@link #onClose} follows. */
        void onError(Throwable cause);

        /** The connection is closing or closed; called exactly once. */
        void onClose(int code, String reason);
    }

    /**
     * Where a connection's text and binary messages go. Jetty's message sinks do the assembling:
     * a whole message is held up to the connection's maximum size (one over it closes the
     * connection with 1009), a fragment is handed on as it comes (text at whole characters).
     */
    public record Sinks(MessageSink text, MessageSink binary) {
        /** Whole text messages, at most the connection's maximum text message size. */
        public static MessageSink wholeText(CoreSession session, Consumer<String> onMessage) {
            return new StringMessageSink(session, args -> {
                onMessage.accept((String) args[0]);
                return null;
            }, true);
        }

        /** Text fragments as they arrive, cut at whole characters; {@code last} ends the message. */
        public static MessageSink partialText(CoreSession session, BiConsumer<String, Boolean> onFragment) {
            return new PartialStringMessageSink(session, args -> {
                onFragment.accept((String) args[0], (Boolean) args[1]);
                return null;
            }, true);
        }

        /** Whole binary messages, at most the connection's maximum binary message size. */
        public static MessageSink wholeBinary(CoreSession session, Consumer<ByteBuffer> onMessage) {
            return new ByteBufferMessageSink(session, args -> {
                onMessage.accept((ByteBuffer) args[0]);
                return null;
            }, true);
        }

        /** Binary fragments as they arrive, each valid only during the call; {@code last} ends the message. */
        public static MessageSink partialBinary(CoreSession session, BiConsumer<ByteBuffer, Boolean> onFragment) {
            return new PartialByteBufferMessageSink(session, args -> {
                onFragment.accept((ByteBuffer) args[0], (Boolean) args[1]);
                return null;
            }, true);
        }
    }

    private final Socket socket;
    private final AtomicBoolean closeReported = new AtomicBoolean();
    private CoreSession session;
    private Sinks sinks;
    /** The sink of the message whose continuation frames are still coming, else null. */
    private MessageSink unfinished;

    public SocketFrames(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        try {
            sinks = socket.onOpen(coreSession);
            callback.succeeded();
        } catch (Throwable failure) {
            callback.failed(failure);
        } finally {
            coreSession.demand();
        }
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        try {
            switch (frame.getOpCode()) {
                case OpCode.TEXT -> message(sinks.text(), frame, callback);
                case OpCode.BINARY -> message(sinks.binary(), frame, callback);
                case OpCode.CONTINUATION -> message(unfinished, frame, callback);
                case OpCode.PING -> pong(frame, callback);
                case OpCode.PONG -> {
                    socket.onPong();
                    callback.succeeded();
                    session.demand();
                }
                case OpCode.CLOSE -> reportClose(CloseStatus.getCloseStatus(frame), callback);
                default -> callback.failed(new IllegalStateException("unknown opcode " + frame.getOpCode()));
            }
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        try {
            socket.onError(cause);
            callback.succeeded();
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        reportClose(closeStatus, callback);
    }

    /** Hands a data frame to its message's sink, which succeeds the callback and demands the next frame. */
    private void message(MessageSink sink, Frame frame, Callback callback) {
        if (frame.getOpCode() != OpCode.CONTINUATION) {
            unfinished = sink;
        }
        MessageSink target = unfinished;
        if (frame.isFin()) {
            unfinished = null;
        }
        if (target == null) {
            callback.succeeded();
            session.demand();
            return;
        }
        target.accept(frame, callback);
    }

    private void pong(Frame ping, Callback callback) {
        ByteBuffer payload = ping.hasPayload() ? BufferUtil.copy(ping.getPayload()) : BufferUtil.EMPTY_BUFFER;
        // The pong is best effort: the output may already be closed while a ping is read.
        session.sendFrame(new Frame(OpCode.PONG).setPayload(payload), Callback.from(() -> {
            callback.succeeded();
            session.demand();
        }, failure -> callback.succeeded()), false);
    }

    private void reportClose(CloseStatus status, Callback callback) {
        if (!closeReported.compareAndSet(false, true)) {
            callback.succeeded();
            return;
        }
        try {
            socket.onClose(status.getCode(), status.getReason());
            callback.succeeded();
        } catch (Throwable failure) {
            callback.failed(failure);
        }
    }
}
