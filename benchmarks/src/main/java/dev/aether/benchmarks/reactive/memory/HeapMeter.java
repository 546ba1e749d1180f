package dev.aether.benchmarks.reactive.memory;

import java.util.Arrays;
import java.util.function.IntFunction;

/**
 * Retained bytes per instance by heap delta: make {@code count} instances, keep them reachable,
 * and compare used heap after forced collections. Best with {@code -XX:+UseSerialGC}, whose
 * {@code System.gc()} is a full, synchronous compaction.
 */
final class HeapMeter {
    /**
     * Where the instances are kept: a local array that does not escape lets the JIT drop the
     * stores (and the objects) once the method is compiled, which shows up as negative sizes.
     */
    private static Object[] kept;

    private final int count;
    private final int repeats;

    HeapMeter(int count, int repeats) {
        this.count = count;
        this.repeats = repeats;
    }

    /** The median over the repeats of (heap after − heap before) / count. */
    double bytesPerInstance(IntFunction<Object> make) {
        double[] samples = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            samples[r] = once(make);
        }
        Arrays.sort(samples);
        return samples[repeats / 2];
    }

    private double once(IntFunction<Object> make) {
        // The holding array is allocated before the baseline, so it is not counted.
        Object[] keep = new Object[count];
        kept = keep;
        long before = usedAfterGc();
        for (int i = 0; i < count; i++) {
            keep[i] = make.apply(i);
        }
        long after = usedAfterGc();
        // Release explicitly: a stale local slot could otherwise keep this round alive into the
        // next round's baseline.
        Arrays.fill(keep, null);
        kept = null;
        return (double) (after - before) / count;
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        // Several collections, keeping the lowest: on JDK 25 with SerialGC the first few
        // System.gc() calls after a round was released were seen not to reclaim it yet.
        for (int i = 0; i < 8; i++) {
            System.gc();
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
