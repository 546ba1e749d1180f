package dev.aether.benchmarks.rpc;

import dev.aether.titan.Titan;

/**
 * Both servers of the run, on free ports of 127.0.0.1: Titan serving {@link EchoService} and
 * grpc-java serving the same echo.
 *
 * <pre>{@code
 * try (EchoServers servers = EchoServers.start()) {
 *     servers.titan().httpUri();
 *     servers.grpc().port();
 * }
 * }</pre>
 */
public record EchoServers(Titan titan, GrpcEchoServer grpc) implements AutoCloseable {
    public static EchoServers start() {
        Titan titan = Titan.builder().host("127.0.0.1").port(0).service(new EchoService()).build().start();
        try {
            return new EchoServers(titan, GrpcEchoServer.start());
        } catch (RuntimeException e) {
            titan.stop();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            grpc.close();
        } finally {
            titan.stop();
        }
    }
}
