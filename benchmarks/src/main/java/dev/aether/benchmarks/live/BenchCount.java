package dev.aether.benchmarks.live;

import dev.aether.netron.protocol.Service;

/**
 * The service the state fan-out's query reads: a number the benchmark moves on before each
 * invalidation, so the refetched answer differs and every page's text changes.
 *
 * <pre>{@code
 * int now = client.service(BenchCount.class).value();
 * }</pre>
 */
@Service("benchcount@1.0.0")
public interface BenchCount {
    int value();
}
