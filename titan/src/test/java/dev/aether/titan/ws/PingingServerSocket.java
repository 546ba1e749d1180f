package dev.aether.titan.ws;

import dev.aether.netron.protocol.handshake.Handshake;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.transport.SocketFrames;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;

/** A fake Netron server side that sends a PING packet right after the handshake and records what comes back. */
final class PingingServerSocket implements SocketFrames.Socket {
    static final long PING_ID = 77;
    static final double PING_DATA = 1700000000000.0;

    final BlockingQueue<Packet> received = new LinkedBlockingQueue<>();
    private CoreSession session;

    @Override
    public SocketFrames.Sinks onOpen(CoreSession session) {
        this.session = session;
        send(new Handshake.ServerId("fake-server").toBytes());
        return new SocketFrames.Sinks(SocketFrames.Sinks.wholeText(session, this::onText), SocketFrames.Sinks.wholeBinary(session, this::onBinary));
    }

    private void onText(String message) {
        send(PacketCodec.standard().encode(Packet.request(PING_ID, PacketType.PING, PING_DATA)));
    }

    private void onBinary(ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        received.add(PacketCodec.standard().decode(bytes));
    }

    private void send(byte[] bytes) {
        session.sendFrame(new Frame(OpCode.BINARY, ByteBuffer.wrap(bytes)), Callback.NOOP, false);
    }

    @Override
    public void onError(Throwable cause) {
    }

    @Override
    public void onClose(int code, String reason) {
    }
}
