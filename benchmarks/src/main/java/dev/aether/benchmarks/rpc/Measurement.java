package dev.aether.benchmarks.rpc;

import java.util.Arrays;

/**
 * The raw outcome of measuring one scenario for a while: every operation's latency, the
 * failures, and the time measured. Rounds of the same scenario add up.
 *
 * <pre>{@code
 * Measurement total = Measurement.NONE.plus(round1).plus(round2);
 * ScenarioResult result = total.summarize(scenario);
 * }</pre>
 *
 * @param latencies operation latencies in nanoseconds, in no particular order
 * @param errors    operations that failed or answered wrongly
 * @param seconds   the measured time
 */
public record Measurement(long[] latencies, long errors, double seconds) {
    public static final Measurement NONE = new Measurement(new long[0], 0, 0);

    public Measurement plus(Measurement other) {
        long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
        System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
        return new Measurement(all, errors + other.errors, seconds + other.seconds);
    }

    /** Throughput and percentiles for {@code scenario}. */
    public ScenarioResult summarize(Scenario scenario) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return ScenarioResult.of(scenario.name(), scenario.inFlight(), scenario.callsPerOperation(), sorted, seconds, errors);
    }
}
