package dev.aether.benchmarks.batch;

import dev.aether.netron.protocol.Service;
import java.util.concurrent.CompletableFuture;

/** The service the batch benchmark calls: an answer at once, and one after a delay. */
@Service("slowfast@1.0.0")
public interface SlowAndFast {
    CompletableFuture<String> fast(String value);

    CompletableFuture<String> slow(String value, long millis);
}
