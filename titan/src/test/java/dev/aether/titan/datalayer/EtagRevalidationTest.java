package dev.aether.titan.datalayer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.cache.CacheEvent;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.titan.Titan;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client cache revalidates a stale entry with the ETag a {@code @Cacheable} method sent; a 304 refreshes it without a body. */
class EtagRevalidationTest {
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final LedgerService ledger = new LedgerService();
    private final RequestLog requests = new RequestLog();
    private final AtomicLong now = new AtomicLong();
    private final ResponseCache cache = ResponseCache.builder().ticker(now::get).build();
    private final List<CacheEvent.Type> events = new CopyOnWriteArrayList<>();
    private Titan titan;
    private NetronClient client;

    @BeforeEach
    void start() {
        titan = Titan.builder().port(0).service(ledger).mount(requests).build().start();
        client = NetronClient.builder(new HttpTransport(titan.httpUri())).interceptor(new CacheInterceptor(cache)).build();
        cache.addListener(event -> events.add(event.type()));
    }

    @AfterEach
    void stop() {
        client.close();
        titan.stop();
    }

    private Ledger cached(Duration staleWhileRevalidate) {
        return client.withOptions(o -> o.cache(CachePolicy.maxAge(MAX_AGE).staleWhileRevalidate(staleWhileRevalidate)))
                .service(Ledger.class);
    }

    private void age(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aStaleEntryIsRevalidatedWithItsEtagAndA304AnswersTheCachedValue() throws Exception {
        Ledger remote = cached(Duration.ZERO);
        int first = remote.balance();
        age(MAX_AGE.plusSeconds(1));

        int revalidated = remote.balance();

        assertThat(revalidated).isEqualTo(first);
        assertThat(requests.statuses(2)).containsExactly(200, 304);
    }

    @Test
    void a304ResetsTheEntrysAgeSoTheNextCallIsAHitWithoutARequest() throws Exception {
        Ledger remote = cached(Duration.ZERO);
        remote.balance();
        age(MAX_AGE.plusSeconds(1));
        remote.balance();
        age(MAX_AGE.dividedBy(2));

        remote.balance();

        assertThat(requests.paths()).hasSize(2);
        assertThat(requests.statuses(2)).containsExactly(200, 304);
        assertThat(events).endsWith(CacheEvent.Type.HIT);
    }

    @Test
    void aChangedResultComesBackWithABodyAndReplacesTheEntry() throws Exception {
        Ledger remote = cached(Duration.ZERO);
        assertThat(remote.balance()).isZero();
        ledger.deposit(5);
        age(MAX_AGE.plusSeconds(1));

        assertThat(remote.balance()).isEqualTo(5);
        assertThat(remote.balance()).isEqualTo(5);
        assertThat(requests.paths()).hasSize(2);
        assertThat(requests.statuses(2)).containsExactly(200, 200);
    }

    @Test
    void aBackgroundRevalidationWithinStaleWhileRevalidateAlsoUsesTheEtag() throws Exception {
        Ledger remote = cached(Duration.ofMinutes(5));
        remote.balance();
        age(MAX_AGE.plusSeconds(1));

        assertThat(remote.balance()).isZero(); // stale, answered at once; the refresh runs behind it
        waitFor(() -> events.contains(CacheEvent.Type.REVALIDATED));

        assertThat(requests.statuses(2)).containsExactly(200, 304);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }
}
