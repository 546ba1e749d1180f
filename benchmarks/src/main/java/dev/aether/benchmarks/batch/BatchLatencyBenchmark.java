package dev.aether.benchmarks.batch;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.http.BatchSettings;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.titan.Titan;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A fast call batched with a slow one over HTTP, in one run against one Titan on 127.0.0.1:
 * with per-item NDJSON results (our client's default), and with the reference's single JSON
 * batch answer (what a TypeScript Titan sends), beside the fast call batched alone.
 *
 * <p>Each round issues, back to back from one thread, a {@code slow} call (the delay below) and a
 * {@code fast} call; both fall in the client's 10 ms window and go as one {@code /netron/batch}.
 * The fast call's latency is from its call to its answer (checked), the slow one's likewise. The
 * modes take turns round by round, so background load hits all of them alike.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.aether.benchmarks.batch.BatchLatencyBenchmark [rounds] [slowMillis]
 * }</pre>
 */
public final class BatchLatencyBenchmark {
    private BatchLatencyBenchmark() {
    }

    /** One way of sending: a label, a client, and whether a slow call goes along. */
    private record Mode(String label, NetronClient client, boolean withSlow, long[] fast, long[] slow) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long slowMillis = args.length > 1 ? Long.parseLong(args[1]) : 200;
        int warmup = Math.max(20, rounds / 5);
        Titan titan = Titan.builder().port(0).service(new SlowAndFastService()).build().start();
        BatchSettings json = new BatchSettings(BatchSettings.DEFAULTS.window(), BatchSettings.DEFAULTS.maxCalls(), false);
        List<Mode> modes = List.of(
                new Mode("fast call batched alone (NDJSON)", client(titan, BatchSettings.DEFAULTS), false, new long[rounds], new long[rounds]),
                new Mode("fast + slow in one batch, NDJSON per item (ours)", client(titan, BatchSettings.DEFAULTS), true,
                        new long[rounds], new long[rounds]),
                new Mode("fast + slow in one batch, reference JSON", client(titan, json), true, new long[rounds], new long[rounds]));
        try {
            for (int i = 0; i < warmup; i++) {
                for (Mode mode : modes) {
                    round(mode, slowMillis, -1);
                }
            }
            for (int i = 0; i < rounds; i++) {
                for (Mode mode : modes) {
                    round(mode, slowMillis, i);
                }
            }
            print(modes, rounds, slowMillis);
        } finally {
            modes.forEach(mode -> mode.client().close());
            titan.stop();
        }
    }

    private static NetronClient client(Titan titan, BatchSettings batching) {
        return NetronClient.over(new HttpTransport(titan.httpUri(), null, batching));
    }

    private static void round(Mode mode, long slowMillis, int index) throws Exception {
        SlowAndFast service = mode.client().service(SlowAndFast.class);
        long start = System.nanoTime();
        CompletableFuture<Long> slow = mode.withSlow()
                ? service.slow("s", slowMillis).thenApply(value -> check(value, "s", start))
                : CompletableFuture.completedFuture(0L);
        CompletableFuture<Long> fast = service.fast("f").thenApply(value -> check(value, "f", start));
        long fastNanos = fast.get(30, TimeUnit.SECONDS);
        long slowNanos = slow.get(30, TimeUnit.SECONDS);
        if (index >= 0) {
            mode.fast()[index] = fastNanos;
            mode.slow()[index] = slowNanos;
        }
    }

    private static long check(String value, String expected, long start) {
        long nanos = System.nanoTime() - start;
        if (!expected.equals(value)) {
            throw new IllegalStateException("expected " + expected + ", got " + value);
        }
        return nanos;
    }

    private static void print(List<Mode> modes, int rounds, long slowMillis) {
        System.out.printf(Locale.ROOT, "%d rounds per mode, slow call %d ms, Java %s, %d cores%n%n", rounds, slowMillis,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        System.out.println("| Mode | fast call p50 | fast call p99 | slow call p50 |");
        System.out.println("|---|---:|---:|---:|");
        List<String> rows = new ArrayList<>();
        for (Mode mode : modes) {
            long[] fast = mode.fast().clone();
            long[] slow = mode.slow().clone();
            Arrays.sort(fast);
            Arrays.sort(slow);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", mode.label(), millis(percentile(fast, 50)),
                    millis(percentile(fast, 99)), mode.withSlow() ? millis(percentile(slow, 50)) : "-"));
        }
        rows.forEach(System.out::println);
    }

    /** Nearest rank. */
    private static long percentile(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
