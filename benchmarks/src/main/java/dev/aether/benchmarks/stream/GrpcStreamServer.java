package dev.aether.benchmarks.stream;

import dev.aether.benchmarks.rpc.EchoMarshaller;
import dev.aether.benchmarks.rpc.EchoMessage;
import io.grpc.MethodDescriptor;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.ServerCalls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * grpc-java server streaming on 127.0.0.1: the request is an {@link EchoMessage} whose id is the
 * number of items; the answer streams that many records. It sends only while the transport is
 * ready ({@code isReady}/{@code onReadyHandler}), grpc-java's own flow control, as Titan sends only
 * within credit: both sides run with backpressure.
 *
 * <pre>{@code
 * try (GrpcStreamServer server = GrpcStreamServer.start()) { ... server.port() ... }
 * }</pre>
 */
public final class GrpcStreamServer implements AutoCloseable {
    public static final MethodDescriptor<EchoMessage, EchoMessage> ITEMS = MethodDescriptor.<EchoMessage, EchoMessage>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName(MethodDescriptor.generateFullMethodName("bench.Feed", "Items"))
            .setRequestMarshaller(EchoMarshaller.INSTANCE)
            .setResponseMarshaller(EchoMarshaller.INSTANCE)
            .build();

    private final Server server;

    private GrpcStreamServer(Server server) {
        this.server = server;
    }

    public static GrpcStreamServer start() {
        ServerServiceDefinition feed = ServerServiceDefinition.builder("bench.Feed")
                .addMethod(ITEMS, ServerCalls.asyncServerStreamingCall((request, observer) -> {
                    ServerCallStreamObserver<EchoMessage> out = (ServerCallStreamObserver<EchoMessage>) observer;
                    long n = request.id();
                    long[] next = {0};
                    boolean[] done = {false};
                    Runnable drain = () -> {
                        while (out.isReady() && next[0] < n) {
                            out.onNext(EchoMessage.numbered(next[0]++));
                        }
                        if (next[0] == n && !done[0]) {
                            done[0] = true;
                            out.onCompleted();
                        }
                    };
                    out.setOnReadyHandler(drain);
                    drain.run();
                }))
                .build();
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).directExecutor().addService(feed).build();
        try {
            return new GrpcStreamServer(server.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
