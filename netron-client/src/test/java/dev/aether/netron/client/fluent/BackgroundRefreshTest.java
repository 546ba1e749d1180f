package dev.aether.netron.client.fluent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.Library;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.cache.CacheEvent;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Background refresh: fetched into the cache on an interval until cancelled. */
class BackgroundRefreshTest {
    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final AtomicInteger served = new AtomicInteger();
    private final CountDownLatch threeStored = new CountDownLatch(3);
    private final FakeTransport transport = new FakeTransport().answering(call -> served.incrementAndGet());
    private final ResponseCache cache = ResponseCache.create();
    private final NetronClient client = NetronClient.builder(transport).interceptor(new CacheInterceptor(cache)).scheduler(scheduler).build();

    {
        scheduler.setRemoveOnCancelPolicy(true);
        cache.addListener(event -> {
            if (event.type() == CacheEvent.Type.SET) {
                threeStored.countDown();
            }
        });
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aBackgroundRefreshKeepsFetchingIntoTheCacheUntilCancelled() throws Exception {
        FluentCall<Library> counts = client.fluent(Library.class).cache(Duration.ofHours(1));

        BackgroundRefresh refresh = counts.calling(Library::count).background(Duration.ofMillis(20));
        assertThat(threeStored.await(10, TimeUnit.SECONDS)).isTrue();
        refresh.cancel();

        assertThat(refresh.isCancelled()).isTrue();
        assertThat(scheduler.getQueue()).as("nothing more is scheduled").isEmpty();
        int cached = counts.call(Library::count);
        assertThat(cached).as("the reader gets the latest refresh from the cache").isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(served.get());
        assertThat(refresh.refreshes()).isGreaterThanOrEqualTo(3);
        assertThat(transport.invocations()).as("each refresh reached the server; the read did not").hasSize(served.get());
    }

    @Test
    void backgroundNeedsACachePolicyAndAPositiveInterval() {
        assertThatThrownBy(() -> client.fluent(Library.class).calling(Library::count).background(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("cache policy");
        assertThatThrownBy(() -> client.fluent(Library.class).cache(Duration.ofMinutes(1)).calling(Library::count).background(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
