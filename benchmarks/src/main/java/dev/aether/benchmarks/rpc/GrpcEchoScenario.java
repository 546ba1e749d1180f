package dev.aether.benchmarks.rpc;

import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.ClientCalls;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java unary echo calls over one channel (one HTTP/2 connection, as Netron uses one
 * WebSocket), each a blocking call on its own virtual thread.
 *
 * <pre>{@code
 * try (Scenario grpc = new GrpcEchoScenario(server.port(), 64)) { new ClosedLoop().measure(grpc, Duration.ofSeconds(10)); }
 * }</pre>
 */
public final class GrpcEchoScenario implements Scenario {
    private final ManagedChannel channel;
    private final int inFlight;

    public GrpcEchoScenario(int port, int inFlight) {
        this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        this.inFlight = inFlight;
    }

    @Override
    public String name() {
        return "gRPC unary echo";
    }

    @Override
    public int inFlight() {
        return inFlight;
    }

    @Override
    public void operate(long sequence) {
        EchoMessage sent = EchoMessage.numbered(sequence);
        EchoMessage back = ClientCalls.blockingUnaryCall(channel, GrpcEchoMethod.ECHO, CallOptions.DEFAULT, sent);
        EchoCheck.same(sent, back);
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
