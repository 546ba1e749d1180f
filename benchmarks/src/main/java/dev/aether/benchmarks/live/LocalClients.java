package dev.aether.benchmarks.live;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** The clients in the calling JVM (one {@link LiveClient}). */
final class LocalClients implements Clients {
    final LiveClient client;
    private final int renderConcurrency;
    private final int connectBatch;

    LocalClients(URI base, int renderConcurrency, int connectBatch, boolean deflate) {
        this.client = new LiveClient(base, deflate);
        this.renderConcurrency = renderConcurrency;
        this.connectBatch = connectBatch;
    }

    @Override
    public Opened open(int n, boolean attach) {
        long start = System.nanoTime();
        List<LivePage> pages = client.render(n, renderConcurrency);
        long renderNanos = System.nanoTime() - start;
        LiveClient.Attached attached = attach ? client.attach(pages, connectBatch, Duration.ofMinutes(3))
                : new LiveClient.Attached(0, 0, 0, null);
        return new Opened(n, renderNanos, pages.isEmpty() ? 0 : pages.get(0).htmlBytes(), attached);
    }

    @Override
    public void arm(int value) {
        client.arm(value);
    }

    @Override
    public RoundResult await(long t0, Duration timeout) {
        try {
            return client.await(t0, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void collectGarbage() {
        System.gc();
    }

    @Override
    public void acknowledge() {
        client.acknowledgeAll();
    }

    @Override
    public void close() {
        client.close();
    }
}
