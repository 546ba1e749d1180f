package dev.aether.benchmarks.datalayer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.aether.netron.client.Invocation;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.Transport;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.fluent.FluentCall;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The cache-hit cost of {@link CacheHitBenchmark} in CPU time of the calling thread rather than
 * wall time, so that other work on a shared machine (which JMH's wall-clock scores absorb)
 * does not count. Rounds of 200,000 calls each; prints every round; the last rounds are the
 * warmed figures.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.aether.benchmarks.datalayer.CacheHitCpuProbe
 * }</pre>
 */
public final class CacheHitCpuProbe {
    private static final int CALLS = 200_000;
    private static final int ROUNDS = 8;
    private static volatile Object sink;

    private CacheHitCpuProbe() {
    }

    public static void main(String[] args) {
        Catalog.Item item = new Catalog.Item(42, "kettle", 7);
        Transport transport = new Transport() {
            @Override
            public CompletableFuture<Object> call(Invocation invocation) {
                return CompletableFuture.completedFuture(item);
            }

            @Override
            public CompletableFuture<Definition> queryInterface(String service) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException());
            }

            @Override
            public CompletableFuture<AuthenticateResponse.Result> authenticate(Map<String, ?> credentials) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException());
            }

            @Override
            public void close() {
            }
        };
        CachePolicy hour = CachePolicy.maxAge(Duration.ofHours(1));
        NetronClient client = NetronClient.builder(transport).interceptor(new CacheInterceptor(ResponseCache.create())).build();
        Catalog proxy = client.withOptions(o -> o.cache(hour)).service(Catalog.class);
        FluentCall<Catalog> fluent = client.fluent(Catalog.class).cache(hour);
        Cache<String, Catalog.Item> caffeine = Caffeine.newBuilder().maximumSize(1000).build();
        caffeine.put("catalog@1.0.0:item:[42]", item);
        for (int round = 1; round <= ROUNDS; round++) {
            System.out.printf("round %d: proxy hit %,.0f ns, fluent hit %,.0f ns, caffeine getIfPresent %,.0f ns (CPU time per call)%n", round,
                    cpuNanosPerCall(() -> proxy.item(42)),
                    cpuNanosPerCall(() -> fluent.call(catalog -> catalog.item(42))),
                    cpuNanosPerCall(() -> caffeine.getIfPresent("catalog@1.0.0:item:[42]")));
        }
    }

    private static double cpuNanosPerCall(Supplier<Object> call) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < CALLS; i++) {
            sink = call.get();
        }
        return (threads.getCurrentThreadCpuTime() - start) / (double) CALLS;
    }
}
