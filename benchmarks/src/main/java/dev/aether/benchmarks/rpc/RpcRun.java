package dev.aether.benchmarks.rpc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run over a set of open scenarios: each is warmed up, then all are measured in
 * interleaved rounds, and each scenario's rounds are summed into one result.
 *
 * <pre>{@code
 * List<ScenarioResult> results = new RpcRun(settings).run(List.of(grpc, webSocket));
 * }</pre>
 */
public final class RpcRun {
    private final LoadSettings settings;
    private final ClosedLoop loop = new ClosedLoop();

    public RpcRun(LoadSettings settings) {
        this.settings = settings;
    }

    public List<ScenarioResult> run(List<Scenario> scenarios) throws InterruptedException {
        for (Scenario scenario : scenarios) {
            System.err.println("warming up: " + scenario.name());
            if (!settings.warmup().isZero()) {
                loop.measure(scenario, settings.warmup());
            }
        }
        Map<Scenario, Measurement> totals = new LinkedHashMap<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            for (Scenario scenario : scenarios) {
                Measurement m = loop.measure(scenario, settings.round());
                totals.merge(scenario, m, Measurement::plus);
                ScenarioResult r = m.summarize(scenario);
                System.err.printf("round %d/%d %-34s %,10.0f calls/s  p50 %,8.0f µs  p99 %,8.0f µs%n", round, settings.rounds(),
                        scenario.name(), r.callsPerSecond(), r.p50Micros(), r.p99Micros());
            }
        }
        List<ScenarioResult> results = new ArrayList<>();
        totals.forEach((scenario, total) -> results.add(total.summarize(scenario)));
        return results;
    }
}
