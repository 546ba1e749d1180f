package dev.aether.benchmarks.events;

import dev.aether.titan.Titan;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Event fan-out: one {@code titan.events().emit(...)} reaches N subscribed WebSocket peers; how
 * long until each, and until the last, has the {@code ['emit', ...]} packet in hand.
 *
 * <p>Real WebSockets on 127.0.0.1: the JDK client, one connection per peer, each through the
 * Netron handshake and a {@code subscribe} task. By default the peers run in a second JVM that
 * this program starts ({@link FanoutClientProcess}), so the 10,000 client sockets and the 10,000
 * server sockets each stay under one process's 20,000 descriptors; {@code -Dfanout.clients=local}
 * keeps them in this JVM (then at most about 9,000 fit). Each round emits once and waits until
 * every peer received it; latency is receipt time minus emit time on the machine's monotonic clock.
 *
 * <pre>{@code
 * java -Dfanout.peers=10000 -Dfanout.rounds=20 -cp benchmarks/target/benchmarks.jar dev.aether.benchmarks.events.EventFanoutBenchmark
 * }</pre>
 */
public final class EventFanoutBenchmark {
    private EventFanoutBenchmark() {
    }

    /** The peers, wherever they run. */
    private interface Subscribers extends AutoCloseable {
        void arm();

        long[] await(long emitted) throws InterruptedException;

        @Override
        void close();
    }

    public static void main(String[] args) throws Exception {
        int peers = Integer.getInteger("fanout.peers", 10_000);
        int rounds = Integer.getInteger("fanout.rounds", 20);
        boolean child = !"local".equals(System.getProperty("fanout.clients", "child"));
        Titan titan = Titan.builder().port(0).build().start();
        long connectStart = System.nanoTime();
        try (Subscribers subscribers = child ? inChild(titan, peers) : local(titan, peers)) {
            System.out.printf(Locale.ROOT, "%d peers (%s) connected and subscribed in %.1f s (bus listeners: %d)%n", peers,
                    child ? "in a second JVM" : "in this JVM", (System.nanoTime() - connectStart) / 1e9, titan.events().listenerCount());
            long[] samples = new long[peers * rounds];
            long[] lasts = new long[rounds];
            for (int round = 0; round < rounds; round++) {
                subscribers.arm();
                long emitted = System.nanoTime();
                titan.events().emit(FanoutPeer.EVENT, round, "AAPL", 193.42);
                long[] latencies = subscribers.await(emitted);
                System.arraycopy(latencies, 0, samples, round * peers, peers);
                lasts[round] = Arrays.stream(latencies).max().orElseThrow();
                Thread.sleep(100);   // rounds apart, so one round's stragglers never overlap the next emit
            }
            Arrays.sort(samples);
            Arrays.sort(lasts);
            System.out.printf(Locale.ROOT, "one emit -> %d peers, %d rounds%n", peers, rounds);
            System.out.printf(Locale.ROOT, "  per peer:      p50 %.1f ms, p99 %.1f ms%n", ms(samples, 0.50), ms(samples, 0.99));
            System.out.printf(Locale.ROOT, "  last of peers: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", ms(lasts, 0.50), ms(lasts, 0.99),
                    lasts[lasts.length - 1] / 1e6);
        } finally {
            titan.stop();
        }
    }

    private static Subscribers inChild(Titan titan, int peers) {
        FanoutChild child = new FanoutChild(titan.webSocketUri(), peers, List.of("-Xmx1g"));
        child.checkClock();
        return new Subscribers() {
            @Override
            public void arm() {
                child.arm();
            }

            @Override
            public long[] await(long emitted) {
                return child.await(emitted);
            }

            @Override
            public void close() {
                child.close();
            }
        };
    }

    private static Subscribers local(Titan titan, int peers) throws Exception {
        FanoutPeers local = FanoutPeers.open(titan.webSocketUri(), peers);
        return new Subscribers() {
            @Override
            public void arm() {
                local.arm();
            }

            @Override
            public long[] await(long emitted) throws InterruptedException {
                return local.await(emitted, 60);
            }

            @Override
            public void close() {
                local.close();
            }
        };
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
