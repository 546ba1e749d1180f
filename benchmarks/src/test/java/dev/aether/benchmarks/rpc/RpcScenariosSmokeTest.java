package dev.aether.benchmarks.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.abort;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each scenario of the RPC benchmark, for a fraction of a second: it runs, and every echo comes back right. */
class RpcScenariosSmokeTest {
    private static EchoServers servers;

    @BeforeAll
    static void start() {
        servers = EchoServers.start();
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    static Stream<RpcScenarios.Plan> plans() {
        return RpcScenarios.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plans")
    void scenarioRunsAndEveryEchoIsRight(RpcScenarios.Plan plan) throws Exception {
        Scenario scenario;
        try {
            scenario = plan.create(servers);
        } catch (UnsupportedOperationException notMergedYet) {
            abort(notMergedYet.getMessage());
            return;
        }
        try (scenario) {
            scenario.operate(0); // connects, so a slow first connection cannot eat the whole window
            // A cold 100-call operation can take longer than a whole single-call window.
            Duration window = Duration.ofMillis(scenario.callsPerOperation() == 1 ? 400 : 1500);
            Measurement m = new ClosedLoop().measure(scenario, window);
            assertThat(m.errors()).as("failed or wrong echoes").isZero();
            assertThat(m.latencies()).as("completed operations").isNotEmpty();
        }
    }

    @Test
    void grpcMarshallerRoundTripsTheMessage() {
        EchoMessage sent = new EchoMessage(Long.MIN_VALUE, "héllo ✓");
        assertThat(EchoMarshaller.INSTANCE.parse(EchoMarshaller.INSTANCE.stream(sent))).isEqualTo(sent);
    }

    @Test
    void roundsInterleaveAndAddUp() throws InterruptedException {
        try (Scenario grpc = new GrpcEchoScenario(servers.grpc().port(), 4);
             Scenario local = new NetronEchoScenario(RpcScenarios.IN_PROCESS, servers.titan().client(), 4)) {
            List<ScenarioResult> results = new RpcRun(new LoadSettings(Duration.ZERO, Duration.ofMillis(400), 2))
                    .run(List.of(grpc, local));
            assertThat(results).extracting(ScenarioResult::name).containsExactly(RpcScenarios.GRPC, RpcScenarios.IN_PROCESS);
            assertThat(results).allSatisfy(r -> {
                assertThat(r.seconds()).isEqualTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
                assertThat(r.errors()).isZero();
                assertThat(r.p99Micros()).isGreaterThanOrEqualTo(r.p50Micros()).isPositive();
            });
            assertThat(new RpcReport(results, LoadSettings.fromSystemProperties()).markdown())
                    .contains("| gRPC unary echo | 4 |").contains("Netron in-process echo / gRPC");
        }
    }

    @Test
    void percentileIsNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(ScenarioResult.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(ScenarioResult.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(ScenarioResult.percentile(new long[0], 0.99)).isZero();
    }
}
