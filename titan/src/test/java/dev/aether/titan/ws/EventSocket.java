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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A bare JDK WebSocket speaking Netron for the event tests: many of them share one HttpClient (the
 * leak test opens a thousand), and reading can be paused to play a subscriber that falls behind.
 */
final class EventSocket implements WebSocket.Listener, AutoCloseable {
    /** The connection ended with this close code (-1: an error). */
    record Closed(int code, String reason) {
    }

    private static final AtomicLong IDS = new AtomicLong(1000);

    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
    private final AtomicBoolean paused = new AtomicBoolean();
    private volatile WebSocket socket;

    /** Connects, reads the server's id and answers client-id, as netron-browser does. */
    static EventSocket open(HttpClient http, URI uri, Map<String, String> headers) {
        EventSocket events = new EventSocket();
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        events.socket = builder.buildAsync(uri, events).join();
        events.nextBinary();
        events.socket.sendText("{\"type\":\"client-id\",\"id\":\"" + java.util.UUID.randomUUID() + "\"}", true).join();
        return events;
    }

    static EventSocket open(HttpClient http, URI uri) {
        return open(http, uri, Map.of());
    }

    void sendBinary(byte[] frame) {
        socket.sendBinary(ByteBuffer.wrap(frame), true).join();
    }

    /** Runs a core task and returns its reply. */
    Packet task(Object... data) {
        sendBinary(PacketCodec.standard().encode(Packet.request(IDS.incrementAndGet(), PacketType.TASK, List.of(data))));
        return nextPacket();
    }

    /** Sends a task without waiting for its reply. */
    void sendTask(Object... data) {
        sendBinary(PacketCodec.standard().encode(Packet.request(IDS.incrementAndGet(), PacketType.TASK, List.of(data))));
    }

    Packet nextPacket() {
        return PacketCodec.standard().decode(nextBinary());
    }

    byte[] nextBinary() {
        Object next = poll(Duration.ofSeconds(10));
        if (next instanceof byte[] bytes) {
            return bytes;
        }
        throw new AssertionError("expected a binary message, got " + next);
    }

    /** The next message or close; null if nothing came within {@code wait}. */
    Object poll(Duration wait) {
        try {
            return received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Stops asking for messages: the server's writes pile up in TCP buffers, then in its own queue. */
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
            received.add(binary.toByteArray());
            binary.reset();
        }
        if (!paused.get()) {
            webSocket.request(1);
        }
        return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        webSocket.request(1);
        return null;
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
    }
}
