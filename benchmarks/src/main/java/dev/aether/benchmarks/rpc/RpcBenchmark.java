package dev.aether.benchmarks.rpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Netron (WebSocket, HTTP invoke, HTTP batch, in process) against grpc-java's unary echo, in one
 * process and one run, both servers on 127.0.0.1; prints the Markdown for docs/BENCHMARKS.md.
 *
 * <pre>{@code
 * ./mvnw -q -pl benchmarks -am package exec:exec@rpc -DskipTests                                  # about 3 min on 2 cores
 * ./mvnw -q -pl benchmarks -am package exec:exec@rpc -DskipTests -Drpc.warmup=2 -Drpc.measure=5 -Drpc.rounds=5
 * java -Drpc.only="gRPC unary echo" -cp benchmarks/target/benchmarks.jar dev.aether.benchmarks.rpc.RpcBenchmark
 * }</pre>
 */
public final class RpcBenchmark {
    private RpcBenchmark() {
    }

    public static void main(String[] args) throws InterruptedException {
        LoadSettings settings = LoadSettings.fromSystemProperties();
        String only = System.getProperty("rpc.only", "");
        Set<String> selected = only.isBlank() ? Set.of() : Set.of(only.split(","));
        List<ScenarioResult> results;
        List<Scenario> scenarios = new ArrayList<>();
        try (EchoServers servers = EchoServers.start()) {
            try {
                for (RpcScenarios.Plan plan : RpcScenarios.all()) {
                    if (selected.isEmpty() || selected.contains(plan.name())) {
                        create(plan, servers, scenarios);
                    }
                }
                results = new RpcRun(settings).run(scenarios);
            } finally {
                scenarios.forEach(Scenario::close);
            }
        }
        System.out.println(new RpcReport(results, settings).markdown());
        if (results.stream().anyMatch(r -> r.errors() > 0 || r.operations() == 0)) {
            System.exit(1);
        }
    }

    private static void create(RpcScenarios.Plan plan, EchoServers servers, List<Scenario> into) {
        try {
            into.add(plan.create(servers));
        } catch (UnsupportedOperationException notAvailable) {
            System.err.println(plan.name() + ": not measured, " + notAvailable.getMessage());
        }
    }
}
