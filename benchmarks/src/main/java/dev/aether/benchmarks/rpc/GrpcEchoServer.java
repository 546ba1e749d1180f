package dev.aether.benchmarks.rpc;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java's unary echo on 127.0.0.1, the peer Netron is measured against.
 *
 * <p>The handler never blocks, so it runs on the transport threads ({@code directExecutor}), as
 * grpc-java's performance guide recommends for such handlers: the peer gets its best set-up.
 *
 * <pre>{@code
 * try (GrpcEchoServer server = GrpcEchoServer.start()) {
 *     ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
 * }
 * }</pre>
 */
public final class GrpcEchoServer implements AutoCloseable {
    private final Server server;

    private GrpcEchoServer(Server server) {
        this.server = server;
    }

    /** Starts on a free port of 127.0.0.1. */
    public static GrpcEchoServer start() {
        ServerServiceDefinition echo = ServerServiceDefinition.builder("bench.Echo")
                .addMethod(GrpcEchoMethod.ECHO, ServerCalls.asyncUnaryCall((request, response) -> {
                    response.onNext(request);
                    response.onCompleted();
                }))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .directExecutor()
                .addService(echo)
                .build();
        try {
            return new GrpcEchoServer(server.start());
        } catch (IOException e) {
            throw new UncheckedIOException("gRPC echo server could not start", e);
        }
    }

    public int port() {
        return server.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
