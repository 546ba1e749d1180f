package dev.aether.netron.client.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.FakeTransport;
import dev.aether.netron.client.Library;
import dev.aether.netron.client.Library.Book;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.protocol.error.TransportException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The response cache through a client: fresh, stale-while-revalidate, miss, error fallback, invalidation, partitions, bounds, events. */
class ResponseCacheTest {
    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final CachePolicy ONE_MINUTE = CachePolicy.maxAge(MINUTE);

    private final FakeTicker clock = new FakeTicker();
    private final ResponseCache cache = ResponseCache.builder().ticker(clock).build();
    private final FakeTransport transport = new FakeTransport();
    private final AtomicInteger served = new AtomicInteger();
    private final List<CacheEvent> events = new CopyOnWriteArrayList<>();

    ResponseCacheTest() {
        transport.answering(call -> call.method().equals("count") ? 7 : new Book("edition " + served.incrementAndGet(), 1965, List.of()));
        cache.addListener(events::add);
    }

    private Library library(CachePolicy policy) {
        return client().withOptions(o -> o.cache(policy)).service(Library.class);
    }

    private NetronClient client() {
        return NetronClient.builder(transport).interceptor(new CacheInterceptor(cache)).build();
    }

    private List<CacheEvent.Type> eventTypes() {
        return events.stream().map(CacheEvent::type).toList();
    }

    // --- fresh, miss ---

    @Test
    void aFreshEntryAnswersWithoutCallingTheServer() {
        Library library = library(ONE_MINUTE);

        assertThat(library.book(1).title()).isEqualTo("edition 1");
        clock.advance(Duration.ofSeconds(59));
        assertThat(library.book(1).title()).isEqualTo("edition 1");

        assertThat(transport.invocations()).hasSize(1);
        assertThat(cache.stats()).extracting(CacheStats::hits, CacheStats::misses, CacheStats::hitRate).containsExactly(1L, 1L, 0.5);
        assertThat(eventTypes()).containsExactly(CacheEvent.Type.MISS, CacheEvent.Type.SET, CacheEvent.Type.HIT);
    }

    @Test
    void callsWithoutACachePolicyAlwaysReachTheServer() {
        Library library = client().service(Library.class);
        library.book(1);
        library.book(1);

        assertThat(transport.invocations()).hasSize(2);
        assertThat(events).isEmpty();
    }

    @Test
    void anEntryPastMaxAgeWithoutStalePeriodIsAMiss() {
        Library library = library(ONE_MINUTE);
        library.book(1);
        clock.advance(MINUTE);

        assertThat(library.book(1).title()).isEqualTo("edition 2");
        assertThat(transport.invocations()).hasSize(2);
    }

    @Test
    void differentArgumentsAreDifferentEntries() {
        Library library = library(ONE_MINUTE);
        library.book(1);
        library.book(2);

        assertThat(transport.invocations()).hasSize(2);
    }

    @Test
    void anExplicitKeyIsSharedByEveryCallThatNamesIt() {
        Library library = library(ONE_MINUTE.key("the-book"));
        library.book(1);

        assertThat(library.book(2).title()).isEqualTo("edition 1");
        assertThat(transport.invocations()).hasSize(1);
    }

    @Test
    void concurrentMissesOnOneKeyShareOneFetch() throws Exception {
        transport.holding();
        Library library = library(ONE_MINUTE);
        CompletableFuture<Book> first = library.bookLater(1);
        CompletableFuture<Book> second = library.bookLater(1);

        transport.nextPending().reply().complete(new Book("once", 1965, List.of()));

        assertThat(first.get(5, TimeUnit.SECONDS).title()).isEqualTo("once");
        assertThat(second.get(5, TimeUnit.SECONDS).title()).isEqualTo("once");
        assertThat(transport.invocations()).hasSize(1);
    }

    // --- stale while revalidate ---

    @Test
    void aStaleEntryAnswersAtOnceAndOneBackgroundRefreshPerKeyReplacesIt() throws Exception {
        Library library = library(ONE_MINUTE.staleWhileRevalidate(Duration.ofMinutes(5)));
        library.book(1);
        clock.advance(Duration.ofMinutes(2));
        transport.holding();

        assertThat(library.book(1).title()).isEqualTo("edition 1");
        assertThat(library.book(1).title()).isEqualTo("edition 1");
        assertThat(library.book(1).title()).isEqualTo("edition 1");
        assertThat(cache.stats().revalidationsInFlight()).isEqualTo(1);

        transport.nextPending().reply().complete(new Book("edition 2", 1965, List.of()));

        assertThat(library.book(1).title()).isEqualTo("edition 2");
        assertThat(transport.invocations()).hasSize(2);
        assertThat(cache.stats().revalidationsInFlight()).isZero();
        assertThat(eventTypes()).containsSubsequence(CacheEvent.Type.STALE, CacheEvent.Type.REVALIDATED, CacheEvent.Type.HIT);
    }

    @Test
    void aFailedRefreshKeepsTheStaleEntryAndSaysSo() throws Exception {
        Library library = library(ONE_MINUTE.staleWhileRevalidate(Duration.ofMinutes(5)));
        library.book(1);
        clock.advance(Duration.ofMinutes(2));
        transport.holding();
        library.book(1);

        transport.nextPending().reply().completeExceptionally(TransportException.unavailable("down"));

        assertThat(eventTypes()).contains(CacheEvent.Type.REVALIDATION_ERROR);
        assertThat(library.book(1).title()).isEqualTo("edition 1");
    }

    @Test
    void pastTheStalePeriodTheCallWaitsForTheServer() {
        Library library = library(ONE_MINUTE.staleWhileRevalidate(MINUTE));
        library.book(1);
        clock.advance(Duration.ofMinutes(2));

        assertThat(library.book(1).title()).isEqualTo("edition 2");
        assertThat(eventTypes()).containsSubsequence(CacheEvent.Type.MISS, CacheEvent.Type.SET, CacheEvent.Type.MISS, CacheEvent.Type.SET)
                .doesNotContain(CacheEvent.Type.STALE, CacheEvent.Type.HIT);
    }

    // --- error fallback ---

    @Test
    void withCacheOnErrorAFailedCallAnswersWithTheOldEntry() {
        Library library = library(ONE_MINUTE.cacheOnError(true));
        library.book(1);
        clock.advance(Duration.ofHours(3));
        transport.answering(call -> {
            throw TransportException.unavailable("down");
        });

        assertThat(library.book(1).title()).isEqualTo("edition 1");
        assertThat(eventTypes()).endsWith(CacheEvent.Type.MISS, CacheEvent.Type.ERROR_FALLBACK);
    }

    @Test
    void withoutCacheOnErrorAFailedCallFails() {
        Library library = library(ONE_MINUTE);
        library.book(1);
        clock.advance(Duration.ofHours(3));
        transport.answering(call -> {
            throw TransportException.unavailable("down");
        });

        assertThatThrownBy(() -> library.book(1)).isInstanceOf(TransportException.class);
    }

    @Test
    void withCacheOnErrorButNoEntryTheErrorReachesTheCaller() {
        transport.answering(call -> {
            throw TransportException.unavailable("down");
        });

        assertThatThrownBy(() -> library(ONE_MINUTE.cacheOnError(true)).book(1)).isInstanceOf(TransportException.class);
    }

    // --- invalidation ---

    @Test
    void invalidatingTheExactKeyMakesTheNextCallFetch() {
        Library library = library(ONE_MINUTE);
        library.book(1);
        library.book(2);

        assertThat(cache.invalidate("library@2.1.0:book:[1]")).isEqualTo(1);
        library.book(1);
        library.book(2);

        assertThat(transport.invocations()).hasSize(3);
        assertThat(events).contains(new CacheEvent(CacheEvent.Type.INVALIDATE, "library@2.1.0:book:[1]"));
    }

    @Test
    void aTrailingStarInvalidatesEveryKeyWithThatPrefix() {
        Library library = library(ONE_MINUTE);
        library.book(1);
        library.book(2);
        library.count();

        assertThat(cache.invalidate("library@2.1.0:book:*")).isEqualTo(2);
        assertThat(cache.stats().entries()).isEqualTo(1);
    }

    @Test
    void aRegexInvalidatesTheKeysItMatchesWhole() {
        Library library = library(ONE_MINUTE);
        library.book(1);
        library.book(12);

        assertThat(cache.invalidate(Pattern.compile(".*:book:\\[1\\]"))).isEqualTo(1);
        assertThat(cache.stats().entries()).isEqualTo(1);
    }

    @Test
    void tagsInvalidateEveryEntryCarryingThemAndTheDefaultTagsAreServiceAndMethod() {
        library(ONE_MINUTE.tags("books")).book(1);
        library(ONE_MINUTE.tags("books")).book(2);
        library(ONE_MINUTE).count();

        assertThat(cache.invalidateTags("books")).isEqualTo(2);
        assertThat(cache.invalidateTags("library@2.1.0:count")).isEqualTo(1);
        assertThat(cache.stats().entries()).isZero();
    }

    @Test
    void clearDropsEverything() {
        Library library = library(ONE_MINUTE);
        library.book(1);
        library.book(2);

        cache.clear();

        assertThat(cache.stats().entries()).isZero();
        assertThat(cache.stats().sizeBytes()).isZero();
        assertThat(eventTypes()).endsWith(CacheEvent.Type.CLEAR);
    }

    @Test
    void invalidatingAKeyWhileItIsRevalidatedDoesNotLetTheOldRefreshBringItBack() throws Exception {
        Library library = library(ONE_MINUTE.staleWhileRevalidate(Duration.ofMinutes(5)));
        library.book(1);
        clock.advance(Duration.ofMinutes(2));
        transport.holding();
        library.book(1);                                   // stale: the refresh is now held by the transport
        FakeTransport.Pending refresh = transport.nextPending();

        cache.invalidate("library@2.1.0:book:[1]");        // while the refresh is in flight
        refresh.reply().complete(new Book("from before the invalidation", 1965, List.of()));

        assertThat(cache.stats().entries()).isZero();
        assertThat(eventTypes()).doesNotContain(CacheEvent.Type.REVALIDATED);
    }

    @Test
    void invalidatingAKeyWhileItIsFetchedReturnsTheResultButDoesNotStoreIt() throws Exception {
        transport.holding();
        CompletableFuture<Book> first = library(ONE_MINUTE).bookLater(1);
        FakeTransport.Pending fetch = transport.nextPending();

        cache.invalidateTags("library@2.1.0");
        fetch.reply().complete(new Book("old", 1965, List.of()));

        assertThat(first.get(5, TimeUnit.SECONDS).title()).isEqualTo("old");
        assertThat(cache.stats().entries()).isZero();
    }

    // --- partitions ---

    @Test
    void oneUsersCachedResultIsNeverServedToAnother() {
        NetronClient cached = client().withOptions(o -> o.cache(ONE_MINUTE));

        assertThat(cached.withPrincipal("ada").service(Library.class).book(1).title()).isEqualTo("edition 1");
        assertThat(cached.withPrincipal("bob").service(Library.class).book(1).title()).isEqualTo("edition 2");
        assertThat(cached.service(Library.class).book(1).title()).isEqualTo("edition 3");
        assertThat(cached.withPrincipal("ada").service(Library.class).book(1).title()).isEqualTo("edition 1");
        assertThat(transport.invocations()).hasSize(3);
    }

    @Test
    void aResultDeclaredTheSameForEveryCallerIsShared() {
        NetronClient cached = client().withOptions(o -> o.cache(ONE_MINUTE.publicResult()));

        cached.withPrincipal("ada").service(Library.class).book(1);

        assertThat(cached.withPrincipal("bob").service(Library.class).book(1).title()).isEqualTo("edition 1");
        assertThat(transport.invocations()).hasSize(1);
    }

    // --- bounds and expiry ---

    @Test
    void theCacheNeverHoldsMoreThanMaxEntries() {
        ResponseCache small = ResponseCache.builder().ticker(clock).maxEntries(2).build();
        small.addListener(events::add);
        Library library = NetronClient.builder(transport).interceptor(new CacheInterceptor(small)).build()
                .withOptions(o -> o.cache(ONE_MINUTE)).service(Library.class);

        for (int id = 1; id <= 6; id++) {
            library.book(id);
        }

        assertThat(small.stats().entries()).isLessThanOrEqualTo(2);
        assertThat(eventTypes()).filteredOn(type -> type == CacheEvent.Type.EVICTED).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theCacheNeverHoldsMoreThanMaxSizeBytes() {
        ResponseCache small = ResponseCache.builder().ticker(clock).maxEntries(1000).maxSizeBytes(4096).build();
        transport.answering(call -> new Book("x".repeat(1500), 1965, List.of()));
        Library library = NetronClient.builder(transport).interceptor(new CacheInterceptor(small)).build()
                .withOptions(o -> o.cache(ONE_MINUTE)).service(Library.class);

        for (int id = 1; id <= 6; id++) {
            library.book(id);
        }

        assertThat(small.stats().sizeBytes()).isBetween(1500L, 4096L);
        assertThat(small.stats().entries()).isLessThanOrEqualTo(2);
    }

    @Test
    void anEntryPastItsLastDeadlineExpiresAndSaysSo() {
        library(ONE_MINUTE).book(1);
        clock.advance(Duration.ofMinutes(2));

        cache.cleanUp();

        assertThat(cache.stats().entries()).isZero();
        assertThat(eventTypes()).endsWith(CacheEvent.Type.EXPIRED);
    }

    @Test
    void aListenerThatThrowsDoesNotFailTheCallAndIsReportedAsAWarning() {
        Logger log = Logger.getLogger(ResponseCache.class.getName());
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler collect = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.setUseParentHandlers(false);
        log.addHandler(collect);
        try {
            cache.addListener(event -> {
                throw new IllegalStateException("listener bug");
            });

            assertThat(library(ONE_MINUTE).book(1).title()).isEqualTo("edition 1");
            assertThat(warnings).isNotEmpty().allSatisfy(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getThrown()).hasMessage("listener bug");
            });
        } finally {
            log.removeHandler(collect);
            log.setUseParentHandlers(true);
        }
    }
}
