package dev.aether.benchmarks.live;

import java.util.Arrays;

/**
 * One fan-out round: of {@code expected} sessions, how many received the new value, and the
 * percentiles (nearest rank) of the time from {@code set()} to the client's receipt, in
 * nanoseconds, over those that received it; plus the CPU time and GC time the client process
 * spent from arming the round to its end (to tell client cost from server cost).
 */
record RoundResult(int expected, int received, long min, long p50, long p90, long p99, long max, long clientCpuNanos,
                   long clientGcMillis) {
    static RoundResult of(long[] receivedAt, long t0, long clientCpuNanos, long clientGcMillis) {
        long[] lat = new long[receivedAt.length];
        int n = 0;
        for (long at : receivedAt) {
            if (at != 0) {
                lat[n++] = at - t0;
            }
        }
        long[] sorted = Arrays.copyOf(lat, n);
        Arrays.sort(sorted);
        return new RoundResult(receivedAt.length, n, rank(sorted, 0), rank(sorted, 0.50), rank(sorted, 0.90), rank(sorted, 0.99),
                n == 0 ? -1 : sorted[n - 1], clientCpuNanos, clientGcMillis);
    }

    private static long rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    String wire() {
        return expected + " " + received + " " + min + " " + p50 + " " + p90 + " " + p99 + " " + max + " " + clientCpuNanos + " " + clientGcMillis;
    }

    static RoundResult fromWire(String[] f, int from) {
        return new RoundResult(Integer.parseInt(f[from]), Integer.parseInt(f[from + 1]), Long.parseLong(f[from + 2]),
                Long.parseLong(f[from + 3]), Long.parseLong(f[from + 4]), Long.parseLong(f[from + 5]), Long.parseLong(f[from + 6]),
                Long.parseLong(f[from + 7]), Long.parseLong(f[from + 8]));
    }
}
