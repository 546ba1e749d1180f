package dev.aether.benchmarks.rpc;

import io.grpc.MethodDescriptor;

/**
 * The gRPC unary method {@code bench.Echo/Echo}, described by hand instead of by protoc.
 *
 * <pre>{@code
 * EchoMessage back = ClientCalls.blockingUnaryCall(channel, GrpcEchoMethod.ECHO, CallOptions.DEFAULT, sent);
 * }</pre>
 */
public final class GrpcEchoMethod {
    public static final MethodDescriptor<EchoMessage, EchoMessage> ECHO = MethodDescriptor.<EchoMessage, EchoMessage>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName("bench.Echo", "Echo"))
            .setRequestMarshaller(EchoMarshaller.INSTANCE)
            .setResponseMarshaller(EchoMarshaller.INSTANCE)
            .build();

    private GrpcEchoMethod() {
    }
}
