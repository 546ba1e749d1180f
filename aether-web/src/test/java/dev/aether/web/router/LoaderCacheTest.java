package dev.aether.web.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.titan.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The router's loader cache: per loader, params and principal; bounded in entries and age; invalidated by loader. */
class LoaderCacheTest {
    public record Id(int id) {
    }

    static final Loader<Id, String> USER = Loader.of("user", args -> "user " + args.params().id());
    static final Loader<Id, String> ORDERS = Loader.of("orders", args -> "orders of " + args.params().id());
    static final Optional<Principal> ANN = Optional.of(new Principal("ann", Set.of(), Set.of(), Set.of(), Map.of()));
    static final Optional<Principal> BOB = Optional.of(new Principal("bob", Set.of(), Set.of(), Set.of(), Map.of()));

    @Test
    void aValueIsKeptPerLoaderParamsAndPrincipal() {
        LoaderCache cache = new LoaderCache(50, Duration.ofMinutes(5));
        cache.put(USER, new Id(1), ANN, "ann's user 1");
        assertThat(cache.get(USER, new Id(1), ANN)).hasValue("ann's user 1");
        assertThat(cache.get(USER, new Id(2), ANN)).as("other params").isEmpty();
        assertThat(cache.get(USER, new Id(1), BOB)).as("another user never sees ann's data").isEmpty();
        assertThat(cache.get(USER, new Id(1), Optional.empty())).as("nobody").isEmpty();
        assertThat(cache.get(ORDERS, new Id(1), ANN)).as("another loader").isEmpty();
    }

    @Test
    void itKeepsAtMostItsMaximumOfEntries() {
        LoaderCache cache = new LoaderCache(3, Duration.ofMinutes(5));
        for (int i = 0; i < 20; i++) {
            cache.put(USER, new Id(i), ANN, "user " + i);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void aValueOlderThanTheMaximumAgeIsGone() throws InterruptedException {
        LoaderCache cache = new LoaderCache(50, Duration.ofMillis(50));
        cache.put(USER, new Id(1), ANN, "user 1");
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (cache.get(USER, new Id(1), ANN).isPresent()) {
            assertThat(System.nanoTime()).as("the entry to expire within 5 s").isLessThan(until);
            Thread.onSpinWait();
        }
    }

    @Test
    void invalidatingALoaderForgetsItsValuesForEveryParamsAndPrincipalOnly() {
        LoaderCache cache = new LoaderCache(50, Duration.ofMinutes(5));
        cache.put(USER, new Id(1), ANN, "u1");
        cache.put(USER, new Id(2), BOB, "u2");
        cache.put(ORDERS, new Id(1), ANN, "o1");
        cache.invalidate(USER);
        assertThat(cache.get(USER, new Id(1), ANN)).isEmpty();
        assertThat(cache.get(USER, new Id(2), BOB)).isEmpty();
        assertThat(cache.get(ORDERS, new Id(1), ANN)).hasValue("o1");
        cache.invalidateAll();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aCacheOfNoEntriesKeepsNothing() {
        LoaderCache cache = new LoaderCache(0, Duration.ofMinutes(5));
        cache.put(USER, new Id(1), ANN, "u1");
        assertThat(cache.get(USER, new Id(1), ANN)).isEmpty();
    }

    @Test
    void negativeBoundsAreRefused() {
        assertThatThrownBy(() -> new LoaderCache(-1, Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxEntries");
        assertThatThrownBy(() -> RouteTree.builder().loaderCache(50, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxAge");
    }

    @Test
    void aGetFillsTheCacheAndALiveNavigationReadsItWhileAGetLoadsAfresh() throws Exception {
        LoaderCache cache = new LoaderCache(50, Duration.ofMinutes(5));
        int[] calls = {0};
        Loader<Id, Integer> counted = Loader.of("counted", args -> ++calls[0]);
        var task = java.util.List.<LoaderResults.Task<?>>of(new LoaderResults.Task<>(counted, new Id(1)));
        var get = new dev.aether.web.PageRequest("GET", "/", Map.of(), Map.of());
        LoaderResults.run(task, new LoaderArgs.Shared(get, ANN, null, new DeferredWork(Duration.ofSeconds(5))), Duration.ofSeconds(5), cache, false);
        var live = LoaderResults.run(task, new LoaderArgs.Shared(get, ANN, null, new DeferredWork(Duration.ofSeconds(5))), Duration.ofSeconds(5), cache, true);
        assertThat(live.get(counted)).isEqualTo(new LoaderResults.Outcome.Loaded(1));
        LoaderResults.run(task, new LoaderArgs.Shared(get, ANN, null, new DeferredWork(Duration.ofSeconds(5))), Duration.ofSeconds(5), cache, false);
        assertThat(calls[0]).as("the GETs ran it; the live navigation read the cache").isEqualTo(2);
        assertThat(cache.get(counted, new Id(1), ANN)).hasValue(2);
    }
}
