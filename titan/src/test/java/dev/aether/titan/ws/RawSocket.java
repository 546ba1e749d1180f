package dev.aether.titan.ws;

import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare JDK WebSocket for protocol and event tests: whatever arrives is queued as it came
 * (binary, text, ping, close). Reading can be {@link #pause paused} to play a subscriber that
 * falls behind.
 *
 * <pre>{@code
 * try (RawSocket socket = RawSocket.connect(titan.webSocketUri()).handshake("my-client")) {
 *     Packet reply = socket.task("subscribe", "user.created");
 * }
 * }</pre>
 */
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

    private static final AtomicLong IDS = new AtomicLong(1000);

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final StringBuilder text = new StringBuilder();
    private final AtomicBoolean paused = new AtomicBoolean();
    /** The client this socket closes with itself; null when it was given one to share. */
    private final HttpClient ownClient;
    private volatile WebSocket socket;

    private RawSocket(HttpClient ownClient) {
        this.ownClient = ownClient;
    }

    /** Connects with a client of its own, closed with the socket. */
    static RawSocket connect(URI uri, Map<String, String> headers) {
        HttpClient own = HttpClient.newHttpClient();
        return connect(own, new RawSocket(own), uri, headers);
    }

    static RawSocket connect(URI uri) {
        return connect(uri, Map.of());
    }

    /** Connects through {@code shared}, which stays open: a test that opens a thousand sockets needs no thousand clients. */
    static RawSocket connect(HttpClient shared, URI uri, Map<String, String> headers) {
        return connect(shared, new RawSocket(null), uri, headers);
    }

    static RawSocket connect(HttpClient shared, URI uri) {
        return connect(shared, uri, Map.of());
    }

    private static RawSocket connect(HttpClient http, RawSocket raw, URI uri, Map<String, String> headers) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        raw.socket = builder.buildAsync(uri, raw).join();
        return raw;
    }

    /** Reads the server's id message and answers with a client-id text frame, as netron-browser does. */
    RawSocket handshake(String clientId) {
        nextBinary();
        sendText("{\"type\":\"client-id\",\"id\":\"" + clientId + "\"}");
        return this;
    }

    /** The handshake with a fresh client id. */
    RawSocket handshake() {
        return handshake(UUID.randomUUID().toString());
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

    /** Runs a core task (subscribe, query_interface, ...) and returns its reply. */
    Packet task(Object... data) {
        return request(taskPacket(data));
    }

    /** Sends a core task without waiting for its reply. */
    void sendTask(Object... data) {
        send(taskPacket(data));
    }

    private static Packet taskPacket(Object... data) {
        return Packet.request(IDS.incrementAndGet(), PacketType.TASK, List.of(data));
    }

    Packet nextPacket() {
        return PacketCodec.standard().decode(nextBinary());
    }

    byte[] nextBinary() {
        Object next = next(Duration.ofSeconds(10));
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

    /** Stops asking for messages after the next binary one: the server's writes pile up in TCP buffers, then in its own queue. */
    void pause() {
        paused.set(true);
    }

    void resume() {
        if (paused.compareAndSet(true, false)) {
            socket.request(1);
        }
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
        if (!paused.get()) {
            webSocket.request(1);
        }
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

    /** Drops the TCP connection without a close handshake, as a client that vanished. */
    @Override
    public void close() {
        socket.abort();
        if (ownClient != null) {
            ownClient.close();
        }
    }
}
