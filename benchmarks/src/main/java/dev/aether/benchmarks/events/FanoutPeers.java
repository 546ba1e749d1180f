package dev.aether.benchmarks.events;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * N subscribed peers in this JVM: opened 64 at a time on one {@link HttpClient} with 2 threads,
 * armed before an emit, then asked how long after the emit each had the event.
 *
 * <pre>{@code
 * FanoutPeers peers = FanoutPeers.open(titan.webSocketUri(), 1000);
 * peers.arm();  long emitted = System.nanoTime();  emit…;  long[] latencies = peers.await(emitted, 60);
 * }</pre>
 */
final class FanoutPeers implements AutoCloseable {
    private final ExecutorService threads = Executors.newFixedThreadPool(2);
    private final HttpClient http = HttpClient.newBuilder().executor(threads).build();
    private final List<FanoutPeer> all = new ArrayList<>();
    private CountDownLatch received;

    static FanoutPeers open(URI uri, int count) throws Exception {
        FanoutPeers peers = new FanoutPeers();
        Semaphore connecting = new Semaphore(64);
        List<CompletableFuture<FanoutPeer>> opening = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            connecting.acquire();
            CompletableFuture<FanoutPeer> open = FanoutPeer.open(peers.http, uri);
            open.whenComplete((p, e) -> connecting.release());
            opening.add(open);
        }
        for (CompletableFuture<FanoutPeer> open : opening) {
            peers.all.add(open.get(120, TimeUnit.SECONDS));
        }
        return peers;
    }

    int size() {
        return all.size();
    }

    /** Before the emit: every peer counts down when the next event arrives. */
    void arm() {
        received = new CountDownLatch(all.size());
        all.forEach(p -> p.expect(received));
    }

    /** Each peer's receive time minus {@code emitted} (same machine-wide monotonic clock), once all have it. */
    long[] await(long emitted, long timeoutSeconds) throws InterruptedException {
        if (!received.await(timeoutSeconds, TimeUnit.SECONDS)) {
            throw new IllegalStateException(received.getCount() + " peers did not receive the event");
        }
        long[] latencies = new long[all.size()];
        for (int i = 0; i < latencies.length; i++) {
            latencies[i] = all.get(i).receivedAt - emitted;
        }
        return latencies;
    }

    @Override
    public void close() {
        all.forEach(FanoutPeer::abort);
        http.shutdownNow();
        threads.shutdownNow();
    }
}
