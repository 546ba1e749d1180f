package dev.aether.titan.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.breaker.BreakerSettings;
import dev.aether.netron.client.breaker.CircuitBreakerInterceptor;
import dev.aether.netron.client.breaker.CircuitState;
import dev.aether.netron.client.cache.CacheEvent;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.Tokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Circuit breaker and cache behaviours against a real Titan over HTTP on 127.0.0.1, with faults
 * injected by the service ({@link CatalogService}: fails N times, holds calls until released).
 * The client's clocks are the tests' own, so no test waits for real time to pass.
 */
class FaultsAgainstTitanTest {
    private static final Duration MAX_AGE = Duration.ofMinutes(1);

    private final CatalogService catalog = new CatalogService();
    private final AtomicLong now = new AtomicLong();
    private final ResponseCache cache = ResponseCache.builder().ticker(now::get).build();
    private final List<CacheEvent.Type> events = new CopyOnWriteArrayList<>();
    private final List<NetronClient> clients = new ArrayList<>();
    private Titan titan;

    @BeforeEach
    void start() {
        titan = Titan.builder().port(0).service(catalog).authenticator(new Tokens()).build().start();
        cache.addListener(event -> events.add(event.type()));
    }

    @AfterEach
    void stop() {
        catalog.releaseHeld();
        clients.forEach(NetronClient::close);
        titan.stop();
    }

    private NetronClient cachingClient(String token, String principal) {
        NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri(), token))
                .principal(principal)
                .interceptor(new CacheInterceptor(cache))
                .build();
        clients.add(client);
        return client;
    }

    private Catalog cached(CachePolicy policy) {
        return cachingClient(null, null).withOptions(o -> o.cache(policy)).service(Catalog.class);
    }

    private void age(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void aServiceFailingThreeTimesOpensTheCircuitWhichFailsFastWith503AndTheNextAttemptTime() {
        MovableClock clock = new MovableClock();
        CircuitBreakerInterceptor breaker = new CircuitBreakerInterceptor(
                new BreakerSettings(100, 3, Duration.ofMinutes(1), Duration.ofSeconds(30), 1), clock);
        NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri())).interceptor(breaker).build();
        clients.add(client);
        Catalog remote = client.service(Catalog.class);
        catalog.failNextCalls(3);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(remote::users).isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(503));
        }

        assertThatThrownBy(remote::users).isInstanceOfSatisfying(NetronException.class, e -> {
            assertThat(e.code()).isEqualTo(503);
            assertThat(e.details().get(RetryDecision.CIRCUIT_OPEN_DETAIL)).isEqualTo(clock.instant().plusSeconds(30).toString());
        });
        assertThat(catalog.calls()).as("the fourth call never reached the server").isEqualTo(3);
        assertThat(breaker.state("catalog@1.0.0")).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void afterTheCooldownAHalfOpenProbeThatSucceedsClosesTheCircuit() {
        MovableClock clock = new MovableClock();
        CircuitBreakerInterceptor breaker = new CircuitBreakerInterceptor(
                new BreakerSettings(100, 3, Duration.ofMinutes(1), Duration.ofSeconds(30), 1), clock);
        List<CircuitState> transitions = new CopyOnWriteArrayList<>();
        breaker.addListener((service, from, to) -> transitions.add(to));
        NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri())).interceptor(breaker).build();
        clients.add(client);
        Catalog remote = client.service(Catalog.class);
        catalog.failNextCalls(3);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(remote::users).isInstanceOf(NetronException.class);
        }
        clock.advance(Duration.ofSeconds(31));

        int probe = remote.users();

        assertThat(probe).isEqualTo(4);
        assertThat(breaker.state("catalog@1.0.0")).isEqualTo(CircuitState.CLOSED);
        assertThat(transitions).containsExactly(CircuitState.OPEN, CircuitState.HALF_OPEN, CircuitState.CLOSED);
        assertThat(remote.users()).isEqualTo(5);
    }

    @Test
    void aStaleEntryIsServedAtOnceWhileExactlyOneRevalidationReachesTheServer() throws Exception {
        Catalog remote = cached(CachePolicy.maxAge(MAX_AGE).staleWhileRevalidate(Duration.ofMinutes(5)));
        assertThat(remote.users()).isEqualTo(1);
        age(MAX_AGE.plusSeconds(1));
        catalog.holdCalls();

        List<Integer> staleAnswers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            staleAnswers.add(remote.users()); // each answers while the one refresh is held by the server
        }
        assertThat(catalog.awaitHeld()).isTrue();
        catalog.releaseHeld();
        waitFor(() -> events.contains(CacheEvent.Type.REVALIDATED));

        assertThat(staleAnswers).containsOnly(1);
        assertThat(catalog.calls()).as("one first fetch, one revalidation").isEqualTo(2);
        assertThat(remote.users()).as("the revalidated value, fresh").isEqualTo(2);
        assertThat(catalog.calls()).isEqualTo(2);
    }

    @Test
    void whenTheServerFailsACacheOnErrorEntryIsServedHoweverOld() {
        Catalog remote = cached(CachePolicy.maxAge(MAX_AGE).cacheOnError(true));
        assertThat(remote.users()).isEqualTo(1);
        age(Duration.ofHours(2));
        catalog.failNextCalls(1);

        int answer = remote.users();

        assertThat(answer).isEqualTo(1);
        assertThat(catalog.calls()).as("the server was asked, and failed").isEqualTo(2);
        assertThat(events).contains(CacheEvent.Type.ERROR_FALLBACK);
    }

    @Test
    void withoutCacheOnErrorTheServersFailureReachesTheCaller() {
        Catalog remote = cached(CachePolicy.maxAge(MAX_AGE));
        remote.users();
        age(Duration.ofHours(2));
        catalog.failNextCalls(1);

        assertThatThrownBy(remote::users).isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(503));
    }

    @Test
    void anInvalidationDuringARevalidationIsNotUndoneByTheOldFetchStoringItsAnswer() throws Exception {
        Catalog remote = cached(CachePolicy.maxAge(MAX_AGE).staleWhileRevalidate(Duration.ofMinutes(5)));
        remote.users();
        age(MAX_AGE.plusSeconds(1));
        catalog.holdCalls();
        assertThat(remote.users()).as("stale, while the revalidation is held").isEqualTo(1);
        assertThat(catalog.awaitHeld()).isTrue();

        assertThat(cache.invalidateTags("users")).isEqualTo(1);
        catalog.releaseHeld();
        waitFor(() -> cache.stats().revalidationsInFlight() == 0);

        assertThat(cache.stats().entries()).as("the old fetch did not put its answer back").isZero();
        assertThat(remote.users()).as("a fresh call to the server").isEqualTo(3);
    }

    @Test
    void twoUsersMakingTheSameCallAreNeverServedEachOthersCachedResult() {
        CachePolicy policy = CachePolicy.maxAge(MAX_AGE);
        Catalog admin = cachingClient(Tokens.ADMIN, "admin-1").withOptions(o -> o.cache(policy)).service(Catalog.class);
        Catalog user = cachingClient(Tokens.USER, "user-1").withOptions(o -> o.cache(policy)).service(Catalog.class);

        assertThat(admin.users()).isEqualTo(1);
        assertThat(user.users()).as("not the admin's entry").isEqualTo(2);
        assertThat(admin.users()).isEqualTo(1);
        assertThat(user.users()).isEqualTo(2);
        assertThat(catalog.calls()).isEqualTo(2);
    }

    @Test
    void aResultDeclaredTheSameForEveryCallerIsSharedBetweenUsers() {
        CachePolicy policy = CachePolicy.maxAge(MAX_AGE).publicResult();
        Catalog admin = cachingClient(Tokens.ADMIN, "admin-1").withOptions(o -> o.cache(policy)).service(Catalog.class);
        Catalog user = cachingClient(Tokens.USER, "user-1").withOptions(o -> o.cache(policy)).service(Catalog.class);

        assertThat(admin.users()).isEqualTo(1);
        assertThat(user.users()).isEqualTo(1);
        assertThat(catalog.calls()).isEqualTo(1);
    }

    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /** A clock the test moves by hand, for the breaker's cooldown. */
    private static final class MovableClock extends Clock {
        private volatile Instant instant = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            instant = instant.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return instant;
        }
    }
}
