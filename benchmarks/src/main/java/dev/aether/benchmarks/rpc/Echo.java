package dev.aether.benchmarks.rpc;

import dev.aether.netron.protocol.Service;

/**
 * The Netron side of the benchmark: a unary echo.
 *
 * <pre>{@code
 * Echo echo = client.service(Echo.class);
 * EchoMessage back = echo.echo(EchoMessage.numbered(1));
 * }</pre>
 */
@Service("echo@1.0.0")
public interface Echo {
    EchoMessage echo(EchoMessage message);
}
