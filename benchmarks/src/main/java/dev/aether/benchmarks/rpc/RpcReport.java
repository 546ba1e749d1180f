package dev.aether.benchmarks.rpc;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The run's results as the Markdown that goes into docs/BENCHMARKS.md: a table, the
 * Netron/gRPC ratios, the batch speed-up, and whether the WebSocket targets are met.
 *
 * <pre>{@code
 * System.out.println(new RpcReport(results, settings).markdown());
 * }</pre>
 */
public final class RpcReport {
    private final List<ScenarioResult> results;
    private final LoadSettings settings;

    public RpcReport(List<ScenarioResult> results, LoadSettings settings) {
        this.results = List.copyOf(results);
        this.settings = settings;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Machine: ").append(MachineDescription.current()).append(". Warm-up ")
                .append(seconds(settings.warmup().toMillis())).append(" s, measurement ")
                .append(seconds(settings.measure().toMillis())).append(" s per scenario, in ").append(settings.rounds())
                .append(" interleaved rounds.\n\n");
        md.append("| Scenario | In flight | Calls/s | p50 | p99 | Errors |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        for (ScenarioResult r : results) {
            String per = r.callsPerOperation() == 1 ? "" : " (per " + r.callsPerOperation() + " calls)";
            md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %s%s | %s%s | %d |%n", r.name(), r.inFlight(),
                    r.callsPerSecond(), micros(r.p50Micros()), per, micros(r.p99Micros()), per, r.errors()));
        }
        md.append('\n');
        find(RpcScenarios.GRPC).ifPresent(grpc -> {
            for (String netron : List.of(RpcScenarios.WEBSOCKET, RpcScenarios.WEBSOCKET_POOLED, RpcScenarios.HTTP_INVOKE, RpcScenarios.IN_PROCESS)) {
                find(netron).ifPresent(n -> md.append(String.format(Locale.ROOT,
                        "- %s / gRPC: calls/s ×%.2f, p50 ×%.2f, p99 ×%.2f%n", netron, n.callsPerSecond() / grpc.callsPerSecond(),
                        n.p50Micros() / grpc.p50Micros(), n.p99Micros() / grpc.p99Micros())));
            }
        });
        find(RpcScenarios.HTTP_BATCH).ifPresent(batch -> find(RpcScenarios.HTTP_SEPARATE).ifPresent(separate ->
                md.append(String.format(Locale.ROOT, "- HTTP batch of %d vs %d separate invokes: %.1f× faster per %d calls (p50 %s vs %s)%n",
                        batch.callsPerOperation(), separate.callsPerOperation(), separate.p50Micros() / batch.p50Micros(),
                        batch.callsPerOperation(), micros(batch.p50Micros()), micros(separate.p50Micros())))));
        md.append('\n').append(verdict()).append('\n');
        return md.toString();
    }

    /** Target: WebSocket calls/s ≥ gRPC's and WebSocket p99 ≤ gRPC's. */
    public String verdict() {
        Optional<ScenarioResult> grpc = find(RpcScenarios.GRPC);
        Optional<ScenarioResult> ws = find(RpcScenarios.WEBSOCKET);
        if (grpc.isEmpty() || ws.isEmpty()) {
            return "Target (WebSocket calls/s ≥ gRPC's, p99 ≤ gRPC's): not measured in this run.";
        }
        boolean qps = ws.get().callsPerSecond() >= grpc.get().callsPerSecond();
        boolean p99 = ws.get().p99Micros() <= grpc.get().p99Micros();
        return "Target WebSocket calls/s ≥ gRPC's: " + (qps ? "met" : "NOT met") + "; WebSocket p99 ≤ gRPC's: "
                + (p99 ? "met" : "NOT met") + ".";
    }

    private Optional<ScenarioResult> find(String name) {
        return results.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    private static String micros(double us) {
        return us >= 10_000 ? String.format(Locale.ROOT, "%.1f ms", us / 1000) : String.format(Locale.ROOT, "%.0f µs", us);
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }
}
