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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a cache hit costs a call through the Netron client (typed proxy, interceptor chain, call
 * key, Caffeine lookup, freshness check, future), beside a bare Caffeine {@code getIfPresent}
 * in the same run. The transport is never reached on a hit; teardown checks that it was called
 * exactly once per trial (the warming call), so a benchmark that missed cannot pass.
 *
 * <pre>{@code
 * java -jar benchmarks/target/benchmarks.jar CacheHitBenchmark -f 1 -wi 3 -i 5
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CacheHitBenchmark {
    private static final Catalog.Item ITEM = new Catalog.Item(42, "kettle", 7);

    private final AtomicLong transportCalls = new AtomicLong();
    private Catalog proxy;
    private FluentCall<Catalog> fluent;
    private Cache<String, Catalog.Item> caffeine;
    private String caffeineKey;

    /** Answers every call with {@link #ITEM} at once and counts the calls. */
    private final class CountingTransport implements Transport {
        @Override
        public CompletableFuture<Object> call(Invocation invocation) {
            transportCalls.incrementAndGet();
            return CompletableFuture.completedFuture(ITEM);
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
    }

    @Setup(Level.Trial)
    public void warm() {
        CachePolicy hour = CachePolicy.maxAge(Duration.ofHours(1));
        NetronClient client = NetronClient.builder(new CountingTransport())
                .interceptor(new CacheInterceptor(ResponseCache.create()))
                .build();
        proxy = client.withOptions(o -> o.cache(hour)).service(Catalog.class);
        fluent = client.fluent(Catalog.class).cache(hour);
        proxy.item(42);
        caffeine = Caffeine.newBuilder().maximumSize(1000).build();
        caffeineKey = "catalog@1.0.0:item:[42]";
        caffeine.put(caffeineKey, ITEM);
    }

    @TearDown(Level.Trial)
    public void check() {
        if (transportCalls.get() != 1) {
            throw new IllegalStateException("expected only the warming call to reach the transport, got " + transportCalls.get());
        }
    }

    /** A typed proxy call answered by the cache. */
    @Benchmark
    public Catalog.Item proxyCacheHit() {
        return proxy.item(42);
    }

    /** A fluent call (the lambda recorded each time) answered by the cache. */
    @Benchmark
    public Catalog.Item fluentCacheHit() {
        return fluent.call(catalog -> catalog.item(42));
    }

    /** Caffeine alone, the floor: one lookup of a string key. */
    @Benchmark
    public Catalog.Item caffeineGetIfPresent() {
        return caffeine.getIfPresent(caffeineKey);
    }
}
