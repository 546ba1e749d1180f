package dev.aether.titan.ws;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.titan.call.Dispatcher;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends packets on one connection, from any thread. Replies complete on many virtual threads at
 * once; that is safe because Jetty 12 queues whole messages in its FrameFlusher under a lock
 * (checked in 12.1.8), so frames are sent directly, with no queue of our own.
 *
 * <pre>{@code
 * outbox.send(request.reply(result), calls::release);   // release runs once the bytes are written or failed
 * }</pre>
 */
final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

    private final CoreSession session;
    private final PacketCodec codec;

    Outbox(CoreSession session, PacketCodec codec) {
        this.session = session;
        this.codec = codec;
    }

    /** Encodes and sends {@code packet}; {@code done} runs exactly once, when the send succeeds or fails. */
    void send(Packet packet, Runnable done) {
        byte[] frame;
        try {
            frame = codec.encode(packet);
        } catch (RuntimeException e) {
            if (packet.error()) {
                LOG.warn("could not encode the error reply to packet {}", packet.id(), e);
                done.run();
                return;
            }
            // A result the codec cannot write is the server's fault: the caller gets a 500, not silence.
            NetronException error = Dispatcher.toNetron(e, "websocket", "encode");
            frame = codec.encode(packet.replyError(error));
        }
        sendBinary(frame, Callback.from(done, failure -> {
            LOG.debug("reply {} not sent: {}", packet.id(), failure.toString());
            done.run();
        }));
    }

    /** Sends raw bytes (the handshake message). */
    void sendRaw(byte[] bytes) {
        sendBinary(bytes, Callback.NOOP);
    }

    /** Sends an encoded frame (an event); {@code done} runs exactly once, when the write succeeds or fails. */
    void sendRaw(byte[] frame, Runnable done) {
        sendBinary(frame, Callback.from(done, failure -> done.run()));
    }

    void send(Packet packet) {
        send(packet, () -> { });
    }

    private void sendBinary(byte[] bytes, Callback callback) {
        session.sendFrame(new Frame(OpCode.BINARY, ByteBuffer.wrap(bytes)), callback, false);
    }
}
