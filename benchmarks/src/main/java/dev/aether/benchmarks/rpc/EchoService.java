package dev.aether.benchmarks.rpc;

import dev.aether.netron.protocol.Public;

/**
 * Returns its argument: the server does no work, so the benchmark measures the RPC stack only.
 *
 * <pre>{@code
 * Titan.builder().service(new EchoService()).build().start();
 * }</pre>
 */
public final class EchoService implements Echo {
    @Public
    @Override
    public EchoMessage echo(EchoMessage message) {
        return message;
    }
}
