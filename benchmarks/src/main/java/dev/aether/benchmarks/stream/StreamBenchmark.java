package dev.aether.benchmarks.stream;

import dev.aether.benchmarks.rpc.EchoMessage;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.ws.WebSocketTransport;
import dev.aether.titan.Titan;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Server streaming of small records over one connection, Titan + the Java client over one
 * WebSocket against grpc-java server streaming over one HTTP/2 channel, in the same process and
 * run; then the heap while a slow consumer (100 items/s) reads from a producer of 1,000,000 items.
 *
 * <pre>{@code
 * java -Dstream.items=500000 -Dstream.rounds=5 -Dstream.heapSeconds=15 -cp benchmarks/target/benchmarks.jar dev.aether.benchmarks.stream.StreamBenchmark
 * }</pre>
 *
 * <p>Each round streams {@code stream.items} records from each side, alternating, and the median
 * of the rounds (after one warm-up round each) is reported. Prints a Markdown table on stdout.
 */
public final class StreamBenchmark {
    private StreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long items = Long.getLong("stream.items", 500_000);
        int rounds = Integer.getInteger("stream.rounds", 5);
        int heapSeconds = Integer.getInteger("stream.heapSeconds", 15);
        QuoteFeed feed = new QuoteFeed();
        try (Titan titan = start(feed); GrpcStreamServer grpc = GrpcStreamServer.start()) {
            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", grpc.port()).usePlaintext().build();
            WebSocketTransport transport = WebSocketTransport.connect(titan.webSocketUri());
            QuoteFeed.Client netron = NetronClient.over(transport).service(QuoteFeed.Client.class);
            List<Double> netronRates = new ArrayList<>();
            List<Double> grpcRates = new ArrayList<>();
            for (int round = 0; round <= rounds; round++) {
                double n = rate(items, () -> netronStream(netron, items));
                double g = rate(items, () -> grpcStream(channel, items));
                System.err.printf(Locale.ROOT, "round %d: Netron %.0f items/s, gRPC %.0f items/s%n", round, n, g);
                if (round > 0) { // round 0 warms both up
                    netronRates.add(n);
                    grpcRates.add(g);
                }
            }
            double n = median(netronRates);
            double g = median(grpcRates);
            System.out.println("| Scenario | items/s (median of " + rounds + " rounds of " + items + ") |");
            System.out.println("|---|---:|");
            System.out.printf(Locale.ROOT, "| Netron WebSocket stream (Titan → Java client) | %,.0f |%n", n);
            System.out.printf(Locale.ROOT, "| gRPC server streaming (grpc-java, one channel) | %,.0f |%n", g);
            System.out.printf(Locale.ROOT, "%nNetron / gRPC: %.2f×%n%n", n / g);
            channel.shutdownNow();
            slowConsumerHeap(transport, netron, feed, heapSeconds);
            transport.close();
        }
    }

    private static Titan start(QuoteFeed feed) {
        return Titan.builder().host("127.0.0.1").port(0).service(feed).build().start();
    }

    private static void netronStream(QuoteFeed.Client netron, long items) {
        CountDownLatch done = new CountDownLatch(1);
        AtomicLong received = new AtomicLong();
        netron.items(items).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(EchoMessage item) {
                if (item.id() != received.getAndIncrement()) throw new IllegalStateException("out of order: " + item);
            }

            @Override
            public void onError(Throwable t) {
                t.printStackTrace();
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        await(done);
        if (received.get() != items) throw new IllegalStateException("Netron stream ended after " + received.get() + " items");
    }

    private static void grpcStream(ManagedChannel channel, long items) {
        Iterator<EchoMessage> it = ClientCalls.blockingServerStreamingCall(channel, GrpcStreamServer.ITEMS, CallOptions.DEFAULT,
                new EchoMessage(items, ""));
        long received = 0;
        while (it.hasNext()) {
            if (it.next().id() != received++) throw new IllegalStateException("gRPC out of order");
        }
        if (received != items) throw new IllegalStateException("gRPC stream ended after " + received + " items");
    }

    /**
     * A consumer reading 100 items per second from a producer of 1,000,000: used heap after a full
     * GC before the stream, then every few seconds while it runs, and what the producer produced.
     */
    private static void slowConsumerHeap(WebSocketTransport transport, QuoteFeed.Client netron, QuoteFeed feed, int seconds) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = usedAfterGc(memory);
        long producedBefore = feed.produced.get();
        AtomicLong consumed = new AtomicLong();
        Flow.Subscription[] subscription = new Flow.Subscription[1];
        CountDownLatch subscribed = new CountDownLatch(1);
        netron.items(1_000_000).subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription[0] = s;
                subscribed.countDown();
            }

            @Override
            public void onNext(EchoMessage item) {
                consumed.incrementAndGet();
            }

            @Override
            public void onError(Throwable t) {
                t.printStackTrace();
            }

            @Override
            public void onComplete() {
            }
        });
        await(subscribed);
        System.out.println("| t (s) | used heap after GC (MiB) | consumed | produced by the source |");
        System.out.println("|---:|---:|---:|---:|");
        System.out.printf(Locale.ROOT, "| before | %.1f | 0 | 0 |%n", before / 1048576.0);
        long start = System.nanoTime();
        long nextReport = 5;
        for (int tick = 1; tick <= seconds * 100; tick++) {
            subscription[0].request(1);
            long due = start + tick * 10_000_000L;
            long wait = due - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            if (tick % 100 == 0 && tick / 100 == nextReport) {
                nextReport += 5;
                System.out.printf(Locale.ROOT, "| %d | %.1f | %d | %d |%n", tick / 100, usedAfterGc(memory) / 1048576.0, consumed.get(),
                        feed.produced.get() - producedBefore);
            }
        }
        subscription[0].cancel();
        System.out.printf(Locale.ROOT, "%nStreams still open on the client after cancel: %d (credits negotiated: %s)%n",
                transport.openStreams(), transport.streamCreditsNegotiated());
    }

    private static long usedAfterGc(MemoryMXBean memory) {
        System.gc();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static double rate(long items, Runnable run) {
        long t0 = System.nanoTime();
        run.run();
        return items / ((System.nanoTime() - t0) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(Duration.ofMinutes(2).toMillis(), TimeUnit.MILLISECONDS)) throw new IllegalStateException("timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
