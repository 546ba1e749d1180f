package dev.aether.benchmarks.rpc;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The scenarios of one run, in the order they run: the gRPC peer first, then Netron.
 *
 * <pre>{@code
 * List<Scenario> scenarios = RpcScenarios.all().stream().map(plan -> plan.create(servers)).toList();
 * }</pre>
 */
public final class RpcScenarios {
    /** Calls in flight for the multiplexed scenarios (gRPC, WebSocket, in process). */
    public static final int IN_FLIGHT = 64;
    /** Concurrent HTTP clients (virtual threads) for the invoke scenario. */
    public static final int HTTP_CLIENTS = 16;
    /** Calls per batch, and separate invokes it is compared with. */
    public static final int BATCH_SIZE = 100;

    public static final String GRPC = "gRPC unary echo";
    public static final String WEBSOCKET = "Netron WebSocket echo";
    /** Diagnostic, not the target: the same load spread over this many connections. */
    public static final int WEBSOCKET_CONNECTIONS = 4;
    public static final String WEBSOCKET_POOLED = "Netron WebSocket echo, " + WEBSOCKET_CONNECTIONS + " connections";
    public static final String HTTP_INVOKE = "Netron HTTP invoke echo";
    public static final String HTTP_BATCH = "Netron HTTP batch of " + BATCH_SIZE;
    public static final String HTTP_SEPARATE = "Netron HTTP " + BATCH_SIZE + " separate invokes";
    public static final String IN_PROCESS = "Netron in-process echo";

    /** A scenario to create against the running servers. */
    public record Plan(String name, Function<EchoServers, Scenario> factory) {
        public Scenario create(EchoServers servers) {
            return factory.apply(servers);
        }
    }

    private RpcScenarios() {
    }

    /** Every scenario: the gRPC peer first, then Netron over each transport. */
    public static List<Plan> all() {
        return List.of(
                new Plan(GRPC, s -> new GrpcEchoScenario(s.grpc().port(), IN_FLIGHT)),
                new Plan(WEBSOCKET, s -> new NetronEchoScenario(WEBSOCKET, NetronRemoteClients.webSocket(s.titan()), IN_FLIGHT)),
                new Plan(WEBSOCKET_POOLED, s -> new NetronEchoScenario(WEBSOCKET_POOLED, Stream.generate(() -> NetronRemoteClients.webSocket(s.titan()))
                        .limit(WEBSOCKET_CONNECTIONS).toList(), IN_FLIGHT)),
                new Plan(HTTP_INVOKE, s -> new NetronEchoScenario(HTTP_INVOKE, NetronRemoteClients.http(s.titan()), HTTP_CLIENTS)),
                new Plan(HTTP_BATCH, s -> new HttpBatchScenario(NetronRemoteClients.httpEndpoint(s.titan()), BATCH_SIZE)),
                new Plan(HTTP_SEPARATE, s -> new HttpInvokeSeriesScenario(NetronRemoteClients.httpEndpoint(s.titan()), BATCH_SIZE)),
                new Plan(IN_PROCESS, s -> new NetronEchoScenario(IN_PROCESS, s.titan().client(), IN_FLIGHT)));
    }
}
