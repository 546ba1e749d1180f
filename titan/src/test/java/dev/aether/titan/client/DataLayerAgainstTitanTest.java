package dev.aether.titan.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.client.auth.AuthRefreshInterceptor;
import dev.aether.netron.client.auth.AuthTokens;
import dev.aether.netron.client.auth.MemoryTokenStore;
import dev.aether.netron.client.cache.CacheInterceptor;
import dev.aether.netron.client.cache.ResponseCache;
import dev.aether.netron.client.call.CachePolicy;
import dev.aether.netron.client.call.Call;
import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.client.dedupe.DeduplicationInterceptor;
import dev.aether.netron.client.fluent.CallMetrics;
import dev.aether.netron.client.fluent.FluentCall;
import dev.aether.netron.client.http.HttpTransport;
import dev.aether.netron.client.middleware.Middleware;
import dev.aether.netron.client.middleware.MiddlewareInterceptor;
import dev.aether.netron.client.middleware.MiddlewareScope;
import dev.aether.netron.client.middleware.TimingMiddleware;
import dev.aether.netron.client.retry.RetryInterceptor;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client data layer (fluent calls, middleware, auth refresh, publisher returns) against a
 * real Titan over HTTP on 127.0.0.1, with faults injected by the service (fails N times, slow,
 * held) and by a relay that cuts the connection mid-call.
 */
class DataLayerAgainstTitanTest {
    private InventoryService inventory;
    private Titan titan;
    private final ResponseCache cache = ResponseCache.create();

    @BeforeEach
    void start() {
        inventory = new InventoryService();
        titan = Titan.builder().port(0).service(inventory).authenticator(new Tokens()).build().start();
    }

    @AfterEach
    void stop() {
        titan.stop();
    }

    private NetronClient client(java.net.URI uri) {
        return NetronClient.builder(new HttpTransport(uri))
                .interceptor(new CacheInterceptor(cache))
                .interceptor(new DeduplicationInterceptor())
                .interceptor(new RetryInterceptor())
                .build();
    }

    @Test
    void aFluentCallRetriesAServiceThatFailsTwiceThenServesTheResultFromTheCache() {
        inventory.failNextCalls(2);
        try (NetronClient client = client(titan.httpUri())) {
            FluentCall<Inventory> call = client.fluent(Inventory.class)
                    .idempotent(true)
                    .retry(RetryPolicy.attempts(3).backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(10), Duration.ofMillis(10)))
                    .cache(Duration.ofMinutes(1));

            int first = call.call(Inventory::flaky);
            int second = call.call(Inventory::flaky);

            assertThat(first).isEqualTo(3);
            assertThat(second).isEqualTo(3);
            assertThat(inventory.calls()).isEqualTo(3);
        }
    }

    @Test
    void aSlowServiceTimesOutAndTheFallbackAnswersWithMetricsSayingSo() {
        List<CallMetrics> metrics = new CopyOnWriteArrayList<>();
        try (NetronClient client = client(titan.httpUri())) {
            int answer = client.fluent(Inventory.class)
                    .timeout(Duration.ofMillis(200))
                    .metrics(metrics::add)
                    .calling(i -> i.slow(3_000))
                    .fallback(error -> error instanceof NetronException e && e.code() == 408 ? -1 : -2)
                    .call();

            assertThat(answer).isEqualTo(-1);
            assertThat(metrics).singleElement().satisfies(m -> {
                assertThat(m.succeeded()).as("the fallback answered").isTrue();
                assertThat(m.cacheHit()).isFalse();
            });
        }
    }

    @Test
    void anOptimisticUpdateIsRolledBackWhenTheConnectionDropsMidCall() throws Exception {
        CachePolicy appleStock = CachePolicy.maxAge(Duration.ofMinutes(5)).key("stock:apple");
        try (CuttableProxy proxy = new CuttableProxy(titan.port()); NetronClient client = client(proxy.httpUri())) {
            inventory.restock("apple", 5);
            FluentCall<Inventory> stock = client.fluent(Inventory.class).cache(appleStock);
            int before = stock.call(i -> i.stock("apple"));

            CompletableFuture<Integer> restock = stock.calling(i -> i.restockWhenReleased("apple", 50)).optimistic(50).callAsync();
            assertThat(inventory.awaitHeld()).isTrue();
            int duringTheCall = stock.call(i -> i.stock("apple"));
            proxy.cut();

            assertThat(restock).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                    .havingCause().isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(503));
            assertThat(before).isEqualTo(5);
            assertThat(duringTheCall).as("readers saw the guess at once").isEqualTo(50);
            int after = stock.call(i -> i.stock("apple"));
            assertThat(after).as("rolled back to what was cached before").isEqualTo(5);
        } finally {
            inventory.releaseHeld();
        }
    }

    @Test
    void anOptimisticUpdateIsReplacedByTheServersAnswerAndInvalidateOnDropsTaggedEntries() {
        try (NetronClient client = client(titan.httpUri())) {
            FluentCall<Inventory> pears = client.fluent(Inventory.class).cache(CachePolicy.maxAge(Duration.ofMinutes(5)).key("stock:pear"));
            FluentCall<Inventory> listed = client.fluent(Inventory.class).cache(CachePolicy.maxAge(Duration.ofMinutes(5)).tags("listings"));
            listed.call(i -> i.stock("plum"));

            int saved = pears.invalidateOn("listings").calling(i -> i.restock("pear", 7)).optimistic(6).call();

            assertThat(saved).isEqualTo(7);
            int cached = pears.call(i -> i.stock("pear"));
            assertThat(cached).isEqualTo(7);
            int callsBefore = inventory.calls();
            listed.call(i -> i.stock("plum"));
            assertThat(inventory.calls()).as("the listing was invalidated, so it went to the server").isEqualTo(callsBefore + 1);
        }
    }

    @Test
    void aThousandConcurrentIdenticalDedupedCallsReachTheServiceOnce() throws Exception {
        try (NetronClient client = client(titan.httpUri())) {
            FluentCall<Inventory> held = client.fluent(Inventory.class).dedupe();
            List<CompletableFuture<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                answers.add(held.callAsync(s -> s.restockWhenReleased("fig", 3)));
            }
            assertThat(inventory.awaitHeld()).isTrue();
            inventory.releaseHeld();   // all 1000 were made while the first was held by the server

            CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(inventory.calls()).isEqualTo(1);
            assertThat(answers).allSatisfy(answer -> assertThat(answer.join()).isEqualTo(3));
        }
    }

    @Test
    void tenConcurrentCallsWithAnExpiredTokenMakeOneRefreshAndAllSucceed() throws Exception {
        MemoryTokenStore tokens = new MemoryTokenStore(new AuthTokens("expired-token", "refresh-me"));
        AtomicInteger refreshes = new AtomicInteger();
        CountDownLatch tenRejected = new CountDownLatch(10);
        CompletableFuture<AuthTokens> refreshed = new CompletableFuture<>();
        MiddlewareInterceptor countRejections = MiddlewareInterceptor.builder().use("count 401s", new Middleware() {
            @Override
            public Before before(dev.aether.netron.client.middleware.MiddlewareContext context) {
                return Before.proceed(context.call());
            }

            @Override
            public Throwable error(dev.aether.netron.client.middleware.MiddlewareContext context, Throwable error) {
                if (error instanceof AuthException) {
                    tenRejected.countDown();
                }
                return error;
            }
        }).build();
        try (NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri()))
                .interceptor(new AuthRefreshInterceptor(tokens, expired -> {
                    refreshes.incrementAndGet();
                    return refreshed;
                }, cause -> { }))
                .interceptor(countRejections)
                .build()) {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(client.fluent(Inventory.class).callAsync(Inventory::whoAmI));
            }
            assertThat(tenRejected.await(10, TimeUnit.SECONDS)).as("all ten were rejected with the expired token").isTrue();
            refreshed.complete(AuthTokens.of(Tokens.USER));

            assertThat(answers).allSatisfy(answer -> assertThat(answer).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("someone"));
            assertThat(refreshes).hasValue(1);
            assertThat(inventory.calls()).isEqualTo(10);
        }
    }

    @Test
    void aRefreshThatFailsEndsTheSessionAndTheCallFailsWith401() {
        MemoryTokenStore tokens = new MemoryTokenStore(AuthTokens.of("expired-token"));
        List<Throwable> ended = new CopyOnWriteArrayList<>();
        try (NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri()))
                .interceptor(new AuthRefreshInterceptor(tokens,
                        expired -> CompletableFuture.failedFuture(new AuthException("refresh token revoked")), ended::add))
                .build()) {
            assertThatThrownBy(() -> client.fluent(Inventory.class).call(Inventory::whoAmI))
                    .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(401));
            assertThat(ended).singleElement().satisfies(cause -> assertThat(cause).hasMessage("refresh token revoked"));
            assertThat(tokens.load()).isEmpty();
        }
    }

    @Test
    void middlewareTimesASlowCallAndAShortCircuitNeverReachesTheServer() {
        List<Call> slowCalls = new CopyOnWriteArrayList<>();
        MiddlewareInterceptor middleware = MiddlewareInterceptor.builder()
                .use("timing", new TimingMiddleware(Duration.ofMillis(100), (call, took, failed) -> slowCalls.add(call)))
                .use("stock is local", context -> Middleware.Before.answer(99), MiddlewareScope.methods("inventory", "stock"))
                .build();
        try (NetronClient client = NetronClient.builder(new HttpTransport(titan.httpUri())).interceptor(middleware).build()) {
            Inventory service = client.service(Inventory.class);

            assertThat(service.stock("apple")).isEqualTo(99);
            assertThat(inventory.calls()).isZero();
            service.slow(300);
            assertThat(slowCalls).singleElement().satisfies(call -> assertThat(call.method()).isEqualTo("slow"));
            assertThat(middleware.timings().get("stock is local").calls()).isEqualTo(1);
        }
    }

    @Test
    void aBackgroundRefreshBringsTheServersChangesIntoTheCacheUntilCancelled() throws Exception {
        inventory.restock("kiwi", 1);
        java.util.concurrent.Semaphore stored = new java.util.concurrent.Semaphore(0);
        cache.addListener(event -> {
            if (event.type() == dev.aether.netron.client.cache.CacheEvent.Type.SET) {
                stored.release();
            }
        });
        try (NetronClient client = client(titan.httpUri())) {
            FluentCall<Inventory> kiwi = client.fluent(Inventory.class).cache(CachePolicy.maxAge(Duration.ofHours(1)).key("stock:kiwi"));
            try (var refresh = kiwi.calling(i -> i.stock("kiwi")).background(Duration.ofMillis(50))) {
                assertThat(stored.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
                int first = kiwi.call(i -> i.stock("kiwi"));
                inventory.restock("kiwi", 2);
                stored.drainPermits();
                assertThat(stored.tryAcquire(2, 10, TimeUnit.SECONDS)).as("two refreshes after the change").isTrue();
                int later = kiwi.call(i -> i.stock("kiwi"));

                assertThat(first).isEqualTo(1);
                assertThat(later).isEqualTo(2);
                assertThat(refresh.refreshes()).isGreaterThanOrEqualTo(2);
            }
        }
    }

    /** The same service, its results as publishers. */
    @Service("inventory@1.0.0")
    interface ReactiveInventory {
        Flow.Publisher<Integer> restock(String item, int amount);
    }

    @Test
    void aPublisherMethodCallsTheServerWhenRequestedAndEmitsOneValue() throws Exception {
        try (NetronClient client = NetronClient.http(titan.httpUri())) {
            Flow.Publisher<Integer> restock = client.service(ReactiveInventory.class).restock("fig", 4);
            List<Integer> values = new CopyOnWriteArrayList<>();
            CountDownLatch completed = new CountDownLatch(1);
            assertThat(inventory.calls()).isZero();

            restock.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscription.request(1);
                }

                @Override
                public void onNext(Integer item) {
                    values.add(item);
                }

                @Override
                public void onError(Throwable throwable) {
                }

                @Override
                public void onComplete() {
                    completed.countDown();
                }
            });

            assertThat(completed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(values).containsExactly(4);
            assertThat(inventory.calls()).isEqualTo(1);
        }
    }
}
