package dev.aether.state;

import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.call.CallInterceptor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A query whose owner is disposed cancels its call in flight and stops its interval. Against a real Titan. */
class CancellationTest {
    private final RealTitan server = new RealTitan();
    private final List<CompletableFuture<Object>> calls = new CopyOnWriteArrayList<>();
    /** First link of the chain: sees the future each call's caller holds. */
    private final CallInterceptor recordCalls = chain -> {
        CompletableFuture<Object> answer = chain.proceed(chain.call());
        calls.add(answer);
        return answer;
    };

    @AfterEach
    void stop() {
        server.users.releaseHeld();
        server.close();
    }

    @Test
    void disposingTheOwnerCancelsTheCallInFlight() throws Exception {
        AetherState state = AetherState.create(dev.aether.netron.client.NetronClient.builder(
                new dev.aether.netron.client.http.HttpTransport(server.titan.httpUri())).interceptor(recordCalls).build());
        var users = owned(() -> state.query(Users.class, Users::heldList));
        assertThat(server.users.awaitHeld()).isTrue();
        assertThat(users.value().isFetching().get()).isTrue();

        users.owner().dispose();

        assertThat(calls).singleElement().satisfies(call -> assertThat(call).isCancelled());
    }

    @Test
    void throughTheClientsCacheAndDedupeTheCancellationStillReachesTheLastLink() throws Exception {
        AetherState state = AetherState.create(dev.aether.netron.client.NetronClient.builder(
                new dev.aether.netron.client.http.HttpTransport(server.titan.httpUri()))
                .interceptor(new dev.aether.netron.client.cache.CacheInterceptor(dev.aether.netron.client.cache.ResponseCache.create()))
                .interceptor(new dev.aether.netron.client.dedupe.DeduplicationInterceptor())
                .interceptor(recordCalls).build());
        var users = owned(() -> state.query(Users.class, Users::heldList));
        assertThat(server.users.awaitHeld()).isTrue();

        users.owner().dispose();

        assertThat(calls).singleElement().satisfies(call -> assertThat(call).isCancelled());
    }

    @Test
    void aCallOtherOwnersStillWaitForIsNotCancelled() throws Exception {
        AetherState state = AetherState.create(dev.aether.netron.client.NetronClient.builder(
                new dev.aether.netron.client.http.HttpTransport(server.titan.httpUri())).interceptor(recordCalls).build());
        var leaving = owned(() -> state.query(Users.class, Users::heldList));
        var staying = owned(() -> state.query(Users.class, Users::heldList));
        assertThat(server.users.awaitHeld()).isTrue();

        leaving.owner().dispose();
        server.users.releaseHeld();

        await(() -> staying.value().status().get() == QueryStatus.SUCCESS);
        assertThat(calls).singleElement().satisfies(call -> assertThat(call).isNotCancelled());
        staying.owner().dispose();
    }

    @Test
    void anIntervalRefetchesWhileObservedAndStopsWithItsOwner() {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        scheduler.setRemoveOnCancelPolicy(true);
        try {
            AetherState state = AetherState.builder(server.httpClient()).scheduler(scheduler).build();
            var users = owned(() -> state.query(Users.class, Users::list,
                    QueryOptions.<List<User>>defaults().refetchInterval(Duration.ofMillis(20))));

            await(() -> server.users.calls("list") >= 3);
            assertThat(scheduler.getQueue()).isNotEmpty();
            users.owner().dispose();

            assertThat(scheduler.getQueue()).as("the interval is cancelled").isEmpty();
        } finally {
            scheduler.shutdownNow();
        }
    }
}
