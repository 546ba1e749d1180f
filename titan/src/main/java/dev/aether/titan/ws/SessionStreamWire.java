package dev.aether.titan.ws;

import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.stream.StreamWire;
import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * The streams' way out of one connection. Unlike {@link Outbox} it does not turn a packet that
 * cannot be encoded into an error reply: it throws, and the stream sends STREAM_ERROR instead.
 * The write callback is what bounds a stream towards a peer that does not speak credits.
 */
final class SessionStreamWire implements StreamWire {
    private final CoreSession session;
    private final PacketCodec codec;

    SessionStreamWire(CoreSession session, PacketCodec codec) {
        this.session = session;
        this.codec = codec;
    }

    @Override
    public void send(Packet packet, Runnable written) {
        byte[] frame = codec.encode(packet);
        session.sendFrame(new Frame(OpCode.BINARY, ByteBuffer.wrap(frame)), Callback.from(written, failure -> written.run()), false);
    }
}
