package dev.aether.benchmarks.rpc;

import java.util.Arrays;

/**
 * A growable array of latencies in nanoseconds, written by one worker only (so no locking).
 *
 * <pre>{@code
 * LatencySamples samples = new LatencySamples();
 * samples.add(System.nanoTime() - start);
 * long[] all = LatencySamples.merge(List.of(samples, other));
 * }</pre>
 */
final class LatencySamples {
    private long[] values = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** Every worker's samples in one array. */
    static long[] merge(Iterable<LatencySamples> all) {
        int total = 0;
        for (LatencySamples s : all) {
            total += s.size;
        }
        long[] merged = new long[total];
        int at = 0;
        for (LatencySamples s : all) {
            System.arraycopy(s.values, 0, merged, at, s.size);
            at += s.size;
        }
        return merged;
    }
}
