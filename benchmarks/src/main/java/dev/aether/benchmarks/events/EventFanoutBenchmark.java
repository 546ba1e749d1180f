package dev.aether.benchmarks.events;

import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Titan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Event fan-out: one {@code titan.events().emit(...)} reaches N subscribed WebSocket peers; how
 * long until each, and until the last, has the {@code ['emit', ...]} packet in hand.
 *
 * <p>Real WebSockets on 127.0.0.1: the JDK client, one connection per peer, each through the
 * Netron handshake and a {@code subscribe} task, all in this JVM beside the Titan (so each peer costs
 * two file descriptors; {@code fanout.peers} defaults to what fits under a 20,000 limit with room).
 * Each round emits once and waits until every peer received it; latency is receipt time minus
 * emit time, on the same clock.
 *
 * <pre>{@code
 * java -Dfanout.peers=9000 -Dfanout.rounds=20 -cp benchmarks/target/benchmarks.jar dev.aether.benchmarks.events.EventFanoutBenchmark
 * }</pre>
 */
public final class EventFanoutBenchmark {
    private static final String EVENT = "price.tick";

    private EventFanoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int peers = Integer.getInteger("fanout.peers", 9_000);
        int rounds = Integer.getInteger("fanout.rounds", 20);
        Titan titan = Titan.builder().port(0).build().start();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(2)).build();
        List<Peer> all = new ArrayList<>(peers);
        try {
            long connectStart = System.nanoTime();
            Semaphore connecting = new Semaphore(64);
            List<CompletableFuture<Peer>> opening = new ArrayList<>(peers);
            for (int i = 0; i < peers; i++) {
                connecting.acquire();
                CompletableFuture<Peer> open = Peer.open(http, titan.webSocketUri());
                open.whenComplete((p, e) -> connecting.release());
                opening.add(open);
            }
            for (CompletableFuture<Peer> open : opening) {
                all.add(open.get(60, TimeUnit.SECONDS));
            }
            System.out.printf(Locale.ROOT, "%d peers connected and subscribed in %.1f s (bus listeners: %d)%n", peers,
                    (System.nanoTime() - connectStart) / 1e9, titan.events().listenerCount());

            long[] samples = new long[peers * rounds];
            long[] lasts = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                CountDownLatch received = new CountDownLatch(peers);
                all.forEach(p -> p.expect(received));
                long emitted = System.nanoTime();
                titan.events().emit(EVENT, round, "AAPL", 193.42);
                if (!received.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("round " + round + ": " + received.getCount() + " peers did not receive the event");
                }
                long last = 0;
                for (int i = 0; i < peers; i++) {
                    long latency = all.get(i).receivedAt - emitted;
                    samples[round * peers + i] = latency;
                    last = Math.max(last, latency);
                }
                lasts[round] = last;
                Thread.sleep(100);   // rounds apart, so one round's stragglers never overlap the next emit
            }
            Arrays.sort(samples);
            Arrays.sort(lasts);
            System.out.printf(Locale.ROOT, "one emit -> %d peers, %d rounds%n", peers, rounds);
            System.out.printf(Locale.ROOT, "  per peer:      p50 %.1f ms, p99 %.1f ms%n", ms(samples, 0.50), ms(samples, 0.99));
            System.out.printf(Locale.ROOT, "  last of peers: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(lasts, 0.50), ms(lasts, 0.99),
                    lasts[lasts.length - 1] / 1e6);
        } finally {
            all.forEach(Peer::abort);
            titan.stop();
            http.shutdownNow();
        }
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** One subscribed connection; it notes when the expected event arrived. */
    private static final class Peer implements WebSocket.Listener {
        private final CompletableFuture<Peer> ready = new CompletableFuture<>();
        private final AtomicReference<CountDownLatch> expected = new AtomicReference<>();
        private volatile long receivedAt;
        private volatile WebSocket socket;
        private int stage;   // 0: waiting for the server id, 1: for the subscribe reply, 2: subscribed

        static CompletableFuture<Peer> open(HttpClient http, URI uri) {
            Peer peer = new Peer();
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
}
