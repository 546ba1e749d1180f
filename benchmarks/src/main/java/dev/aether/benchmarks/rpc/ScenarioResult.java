package dev.aether.benchmarks.rpc;

/**
 * What one scenario achieved in its measurement window.
 *
 * <pre>{@code
 * ScenarioResult r = ScenarioResult.of("grpc", 64, 1, sortedNanos, 10.0, 0);
 * r.callsPerSecond();   // echo calls per second
 * r.p99Micros();        // 99th percentile of one operation's latency
 * }</pre>
 *
 * @param name             the scenario
 * @param inFlight         operations kept in flight
 * @param callsPerOperation echo calls per operation (1, or 100 for batches)
 * @param operations       operations completed in the window
 * @param seconds          the window's length
 * @param p50Micros        median latency of one operation, in microseconds
 * @param p99Micros        99th percentile latency of one operation, in microseconds
 * @param errors           operations that failed or returned a wrong echo (must be 0)
 */
public record ScenarioResult(String name, int inFlight, int callsPerOperation, long operations, double seconds,
                             double p50Micros, double p99Micros, long errors) {

    /** A result from sorted per-operation latencies in nanoseconds. */
    public static ScenarioResult of(String name, int inFlight, int callsPerOperation, long[] sortedNanos, double seconds,
                                    long errors) {
        return new ScenarioResult(name, inFlight, callsPerOperation, sortedNanos.length, seconds,
                percentile(sortedNanos, 0.50) / 1e3, percentile(sortedNanos, 0.99) / 1e3, errors);
    }

    /** Echo calls per second (operations × calls per operation). */
    public double callsPerSecond() {
        return operations * (double) callsPerOperation / seconds;
    }

    /** Nearest-rank percentile; 0 for no samples. */
    static double percentile(long[] sorted, double fraction) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
