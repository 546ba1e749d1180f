package dev.aether.titan.ws;

import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare JDK WebSocket for protocol tests: whatever arrives is queued as it came (binary, text, ping, close). */
final class RawSocket implements WebSocket.Listener, AutoCloseable {
    /** A received binary message. */
    record Binary(byte[] bytes) {
    }

    /** A received text message. */
    record Text(String text) {
    }

    /** A received WebSocket ping. */
    record Ping() {
    }

    /** The close frame or the connection's end. */
    record Closed(int code, String reason) {
    }

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private final HttpClient http = HttpClient.newHttpClient();
    private WebSocket socket;

    static RawSocket connect(URI uri, Map<String, String> headers) {
        RawSocket raw = new RawSocket();
        WebSocket.Builder builder = raw.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        raw.socket = builder.buildAsync(uri, raw).join();
        return raw;
    }

    static RawSocket connect(URI uri) {
        return connect(uri, Map.of());
    }

    /** Reads the server's id message and answers with a client-id text frame, as netron-browser does. */
    RawSocket handshake(String clientId) {
        nextBinary();
        sendText("{\"type\":\"client-id\",\"id\":\"" + clientId + "\"}");
        return this;
    }

    void sendText(String message) {
        socket.sendText(message, true).join();
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void send(Packet packet) {
        sendBinary(PacketCodec.standard().encode(packet));
    }

    /** Sends a request and decodes the next binary message. */
    Packet request(Packet packet) {
        send(packet);
        return nextPacket();
    }

    Packet nextPacket() {
        return PacketCodec.standard().decode(nextBinary());
    }

    byte[] nextBinary() {
        Object next = next(Duration.ofSeconds(5));
        if (next instanceof Binary b) {
            return b.bytes();
        }
        throw new AssertionError("expected a binary message, got " + next);
    }

    /** The next thing received, skipping pings; null if nothing came in time. */
    Object next(Duration wait) {
        try {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                Object o = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (!(o instanceof Ping)) {
                    return o;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits for a ping, ignoring nothing else. */
    boolean awaitPing(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Object o = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (o instanceof Ping) {
                return true;
            }
        }
        return false;
    }

    Closed awaitClose() {
        Object next = next(Duration.ofSeconds(5));
        while (next != null && !(next instanceof Closed)) {
            next = next(Duration.ofSeconds(5));
        }
        if (next == null) {
            throw new AssertionError("the connection did not close");
        }
        return (Closed) next;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] chunk = new byte[data.remaining()];
        data.get(chunk);
        binary.writeBytes(chunk);
        if (last) {
            received.add(new Binary(binary.toByteArray()));
            binary.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            received.add(new Text(text.toString()));
            text.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        received.add(new Ping());
        webSocket.request(1);
        return null; // the JDK answers the pong itself
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        received.add(new Closed(statusCode, reason));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        received.add(new Closed(-1, String.valueOf(error)));
    }

    @Override
    public void close() {
        socket.abort();
        http.close();
    }
}
