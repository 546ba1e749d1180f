package dev.aether.titan.ws;

import dev.aether.netron.protocol.handshake.Handshake;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** A fake Netron server side that sends a PING packet right after the handshake and records what comes back. */
public final class PingingServerSocket implements Session.Listener.AutoDemanding {
    static final long PING_ID = 77;
    static final double PING_DATA = 1700000000000.0;

    final BlockingQueue<Packet> received = new LinkedBlockingQueue<>();
    private Session session;

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        session.sendBinary(ByteBuffer.wrap(new Handshake.ServerId("fake-server").toBytes()), Callback.NOOP);
    }

    @Override
    public void onWebSocketText(String message) {
        session.sendBinary(ByteBuffer.wrap(PacketCodec.standard().encode(Packet.request(PING_ID, PacketType.PING, PING_DATA))), Callback.NOOP);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        received.add(PacketCodec.standard().decode(bytes));
        callback.succeed();
    }
}
