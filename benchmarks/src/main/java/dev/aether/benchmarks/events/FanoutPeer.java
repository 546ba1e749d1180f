package dev.aether.benchmarks.events;

import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/** One subscribed connection; it notes when the expected event arrived. */
final class FanoutPeer implements WebSocket.Listener {
    static final String EVENT = "price.tick";

    private final CompletableFuture<FanoutPeer> ready = new CompletableFuture<>();
    private final AtomicReference<CountDownLatch> expected = new AtomicReference<>();
    volatile long receivedAt;
    private volatile WebSocket socket;
    private int stage;   // 0: waiting for the server id, 1: for the subscribe reply, 2: subscribed

    static CompletableFuture<FanoutPeer> open(HttpClient http, URI uri) {
        FanoutPeer peer = new FanoutPeer();
        http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30)).buildAsync(uri, peer)
                .whenComplete((ws, e) -> {
                    if (e != null) {
                        peer.ready.completeExceptionally(e);
                    }
                });
        return peer.ready;
    }

    void expect(CountDownLatch latch) {
        expected.set(latch);
    }

    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        long now = System.nanoTime();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        if (stage == 0) {
            stage = 1;
            webSocket.sendText("{\"type\":\"client-id\",\"id\":\"" + UUID.randomUUID() + "\"}", true)
                    .thenCompose(ws -> ws.sendBinary(ByteBuffer.wrap(PacketCodec.standard().encode(
                            Packet.request(1, PacketType.TASK, List.of("subscribe", EVENT)))), true));
        } else if (stage == 1) {
            stage = 2;
            ready.complete(this);
        } else {
            receivedAt = now;
            CountDownLatch latch = expected.getAndSet(null);
            if (latch != null) {
                latch.countDown();
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        ready.completeExceptionally(error);
    }
}
