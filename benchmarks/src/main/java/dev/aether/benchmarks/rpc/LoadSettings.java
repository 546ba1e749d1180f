package dev.aether.benchmarks.rpc;

import java.time.Duration;

/**
 * How long each scenario warms up and is measured, and in how many rounds the measurement is
 * split. Rounds interleave the scenarios (gRPC, WebSocket, ..., gRPC, WebSocket, ...) so that a
 * burst of background load on the machine hits them all rather than one.
 *
 * <pre>{@code
 * LoadSettings.fromSystemProperties();   // -Drpc.warmup=10 -Drpc.measure=10 -Drpc.rounds=5 (the defaults)
 * new LoadSettings(Duration.ofMillis(200), Duration.ofMillis(300), 1);   // a smoke test
 * }</pre>
 *
 * @param warmup  per scenario: calls are made but not recorded (JIT, connections, pools)
 * @param measure per scenario: the total time recorded, over all rounds
 * @param rounds  how many interleaved rounds {@code measure} is split into
 */
public record LoadSettings(Duration warmup, Duration measure, int rounds) {
    public LoadSettings {
        if (warmup.isNegative() || measure.isNegative() || measure.isZero() || rounds < 1) {
            throw new IllegalArgumentException("need warmup >= 0, measure > 0, rounds >= 1; got " + warmup + ", " + measure + ", " + rounds);
        }
    }

    /** One round's measurement window. */
    public Duration round() {
        return measure.dividedBy(rounds);
    }

    /** {@code rpc.warmup} and {@code rpc.measure} in seconds (decimals allowed), {@code rpc.rounds}; 10, 10 and 5 by default. */
    public static LoadSettings fromSystemProperties() {
        return new LoadSettings(seconds("rpc.warmup", 10), seconds("rpc.measure", 10),
                Integer.parseInt(System.getProperty("rpc.rounds", "5").strip()));
    }

    private static Duration seconds(String property, double fallback) {
        String value = System.getProperty(property);
        double seconds = value == null || value.isBlank() ? fallback : Double.parseDouble(value.strip());
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
