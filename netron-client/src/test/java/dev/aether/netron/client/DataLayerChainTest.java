package dev.aether.netron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.breaker.BreakerSettings;
import dev.aether.netron.client.breaker.CircuitBreakerInterceptor;
import dev.aether.netron.client.breaker.CircuitState;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.client.dedupe.DeduplicationInterceptor;
import dev.aether.netron.client.retry.RetryInterceptor;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.TransportException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The interceptors together, in the order docs/data-layer.md recommends. */
class DataLayerChainTest {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeTransport transport = new FakeTransport();
    private final ResponseCache cache = ResponseCache.create();
    private final CircuitBreakerInterceptor breaker = new CircuitBreakerInterceptor(
            new BreakerSettings(100, 3, Duration.ofSeconds(60), Duration.ofMinutes(5), 1));
    private final NetronClient client = NetronClient.builder(transport)
            .interceptor(new CacheInterceptor(cache))
            .interceptor(new DeduplicationInterceptor())
            .interceptor(new RetryInterceptor(scheduler))
            .interceptor(breaker)
            .build()
            .withOptions(o -> o.idempotent(true).dedupe(true)
                    .retry(RetryPolicy.attempts(3).backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(1), Duration.ofMillis(1)))
                    .cache(CachePolicy.maxAge(Duration.ofMinutes(1))));

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void aCallThatFailsTwiceIsRetriedThenCachedSoTheNextCallNeverReachesTheServer() {
        AtomicInteger calls = new AtomicInteger();
        transport.answering(call -> {
            if (calls.incrementAndGet() <= 2) {
                throw TransportException.unavailable("flaky");
            }
            return 7;
        });
        Library library = client.service(Library.class);

        assertThat(library.count()).isEqualTo(7);
        assertThat(library.count()).isEqualTo(7);

        assertThat(transport.invocations()).hasSize(3);
        assertThat(cache.stats().hits()).isEqualTo(1);
    }

    @Test
    void retriesThatKeepFailingOpenTheCircuitAndTheNextCallFailsFastWithoutRetrying() {
        transport.answering(call -> {
            throw TransportException.unavailable("down");
        });
        Library library = client.service(Library.class);

        assertThatThrownBy(library::count).isInstanceOf(TransportException.class);
        assertThat(breaker.state("library@2.1.0")).isEqualTo(CircuitState.OPEN);

        assertThatThrownBy(library::count).isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(503))
                .isNotInstanceOf(TransportException.class);
        assertThat(transport.invocations()).hasSize(3);
    }
}
