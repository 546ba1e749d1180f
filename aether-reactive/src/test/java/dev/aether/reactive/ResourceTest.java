package dev.aether.reactive;

import static dev.aether.reactive.Reactive.*;
import static org.assertj.core.api.Assertions.*;

import dev.aether.reactive.Resource.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ResourceTest extends ReactiveSpec {

    /** A fetcher whose futures the test completes by hand, per key. */
    static final class Pending<K, V> {
        final Map<K, CompletableFuture<V>> futures = new ConcurrentHashMap<>();
        final List<K> requested = new ArrayList<>();

        CompletableFuture<V> fetch(K key) {
            requested.add(key);
            CompletableFuture<V> f = new CompletableFuture<>();
            futures.put(key, f);
            return f;
        }

        CompletableFuture<V> future(K key) {
            return futures.get(key);
        }
    }

    @Test
    void nullSourceLeavesTheResourceUnresolvedWithoutFetching() {
        Signal<Integer> id = signal(null);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        assertThat(r.state()).isEqualTo(State.UNRESOLVED);
        assertThat(r.loading()).isFalse();
        assertThat(r.get()).isNull();
        assertThat(server.requested).isEmpty();
    }

    @Test
    void firstFetchIsPendingThenReady() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        assertThat(r.state()).isEqualTo(State.PENDING);
        assertThat(r.loading()).isTrue();
        assertThat(r.get()).isNull();
        server.future(1).complete("one");
        assertThat(r.state()).isEqualTo(State.READY);
        assertThat(r.loading()).isFalse();
        assertThat(r.get()).isEqualTo("one");
        assertThat(r.error()).isNull();
    }

    @Test
    void sourceBecomingNonNullStartsTheFetch() {
        Signal<Integer> id = signal(null);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        id.set(7);
        assertThat(server.requested).containsExactly(7);
        assertThat(r.state()).isEqualTo(State.PENDING);
    }

    @Test
    void refetchesWhenASignalReadByTheSourceChanges() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(() -> id.get() * 10, server::fetch);
        server.future(10).complete("ten");
        id.set(2);
        assertThat(server.requested).containsExactly(10, 20);
        server.future(20).complete("twenty");
        assertThat(r.get()).isEqualTo("twenty");
    }

    @Test
    void fetcherOfTheTwoArgumentFormIsNotTracked() {
        Signal<Integer> id = signal(1);
        Signal<String> suffix = signal("!");
        AtomicInteger fetches = new AtomicInteger();
        CompletableFuture<String> result = new CompletableFuture<>();
        Resource<String> r = resource(id, i -> {
            fetches.incrementAndGet();
            suffix.get();
            return result;
        });
        suffix.set("?");
        assertThat(fetches).hasValue(1);
        result.complete("1!");
        assertThat(r.get()).isEqualTo("1!");
    }

    @Test
    void singleArgumentResourceRefetchesWhenASignalItsFetcherReadsChanges() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(() -> server.fetch(id.get()));
        server.future(1).complete("user1");
        assertThat(r.get()).isEqualTo("user1");
        id.set(2);
        assertThat(server.requested).as("the fetcher runs tracked (see Reactive.resource(Supplier))").containsExactly(1, 2);
        server.future(2).complete("user2");
        assertThat(r.get()).isEqualTo("user2");
    }

    @Test
    void alreadyCompletedFutureIsAppliedAtOnce() {
        Resource<String> r = resource(() -> CompletableFuture.completedFuture("cached"));
        assertThat(r.state()).isEqualTo(State.READY);
        assertThat(r.get()).isEqualTo("cached");
    }

    @Test
    void previousDataIsKeptWhileRefreshing() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        server.future(1).complete("one");
        id.set(2);
        assertThat(r.state()).isEqualTo(State.REFRESHING);
        assertThat(r.loading()).isTrue();
        assertThat(r.get()).isEqualTo("one");
        server.future(2).complete("two");
        assertThat(r.state()).isEqualTo(State.READY);
        assertThat(r.get()).isEqualTo("two");
    }

    @Test
    void refetchFetchesAgainForTheSameSourceKeepingTheData() {
        Signal<Integer> id = signal(1);
        AtomicInteger version = new AtomicInteger();
        List<CompletableFuture<String>> futures = new ArrayList<>();
        Resource<String> r = resource(id, i -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            futures.add(f);
            return f;
        });
        futures.get(0).complete("v" + version.incrementAndGet());
        r.refetch();
        assertThat(futures).hasSize(2);
        assertThat(r.state()).isEqualTo(State.REFRESHING);
        assertThat(r.get()).isEqualTo("v1");
        futures.get(1).complete("v" + version.incrementAndGet());
        assertThat(r.get()).isEqualTo("v2");
        assertThat(r.state()).isEqualTo(State.READY);
    }

    @Test
    void staleResultCompletedAfterANewerOneIsDropped() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        id.set(2);
        server.future(2).complete("two");
        server.future(1).complete("one");
        assertThat(r.get()).isEqualTo("two");
        assertThat(r.state()).isEqualTo(State.READY);
    }

    @Test
    void staleResultCompletedBeforeTheNewerOneIsDroppedToo() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        id.set(2);
        server.future(1).complete("one");
        assertThat(r.get()).isNull();
        assertThat(r.state()).isEqualTo(State.PENDING);
        server.future(2).complete("two");
        assertThat(r.get()).isEqualTo("two");
    }

    @Test
    void staleFailureIsDropped() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        id.set(2);
        server.future(2).complete("two");
        server.future(1).completeExceptionally(new IllegalStateException("late"));
        assertThat(r.state()).isEqualTo(State.READY);
        assertThat(r.error()).isNull();
    }

    @Test
    void failedFetchIsErroredWithTheCause() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        IllegalStateException failure = new IllegalStateException("404");
        server.future(1).completeExceptionally(failure);
        assertThat(r.state()).isEqualTo(State.ERRORED);
        assertThat(r.error()).isSameAs(failure);
        assertThat(r.loading()).isFalse();
    }

    @Test
    void errorWrappedByAFutureChainIsUnwrapped() {
        IllegalStateException failure = new IllegalStateException("inner");
        CompletableFuture<String> source = new CompletableFuture<>();
        Resource<String> r = resource(() -> source.thenApply(s -> s));
        source.completeExceptionally(failure);
        assertThat(r.state()).isEqualTo(State.ERRORED);
        assertThat(r.error()).isSameAs(failure);
    }

    @Test
    void fetcherThatThrowsMakesTheResourceErrored() {
        Resource<String> r = resource(() -> {
            throw new IllegalArgumentException("bad request");
        });
        assertThat(r.state()).isEqualTo(State.ERRORED);
        assertThat(r.error()).hasMessage("bad request");
    }

    @Test
    void failedRefreshKeepsThePreviousDataAndRecoversOnRefetch() {
        Signal<Integer> id = signal(1);
        List<CompletableFuture<String>> futures = new ArrayList<>();
        Resource<String> r = resource(id, i -> {
            CompletableFuture<String> f = new CompletableFuture<>();
            futures.add(f);
            return f;
        });
        futures.get(0).complete("one");
        r.refetch();
        futures.get(1).completeExceptionally(new IllegalStateException("down"));
        assertThat(r.state()).isEqualTo(State.ERRORED);
        assertThat(r.get()).isEqualTo("one");
        r.refetch();
        assertThat(r.state()).isEqualTo(State.REFRESHING);
        futures.get(2).complete("one again");
        assertThat(r.state()).isEqualTo(State.READY);
        assertThat(r.error()).isNull();
        assertThat(r.get()).isEqualTo("one again");
    }

    @Test
    void mutateReplacesTheDataLocallyWithoutFetching() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        server.future(1).completeExceptionally(new IllegalStateException("x"));
        r.mutate("optimistic");
        assertThat(r.get()).isEqualTo("optimistic");
        assertThat(r.state()).isEqualTo(State.READY);
        assertThat(r.error()).isNull();
        assertThat(server.requested).containsExactly(1);
    }

    @Test
    void stateDataAndErrorAreTrackedReads() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        List<String> states = new ArrayList<>();
        List<String> data = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        effect(() -> states.add(r.state() + ":" + r.peek()));
        effect(() -> data.add(r.get()));
        effect(() -> errors.add(String.valueOf(r.error())));
        server.future(1).complete("one");
        id.set(2);
        server.future(2).completeExceptionally(new IllegalStateException("e"));
        assertThat(states).containsExactly("PENDING:null", "READY:one", "REFRESHING:one", "ERRORED:one");
        assertThat(data).containsExactly(null, "one");
        assertThat(errors).containsExactly("null", "java.lang.IllegalStateException: e");
    }

    @Test
    void resultCompletedOnAnotherThreadArrivesViaRunPending() {
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(signal(1), server::fetch);
        List<String> seen = new ArrayList<>();
        effect(() -> seen.add(String.valueOf(r.get())));
        Throwable thrown = thrownOnAnotherThread(() -> server.future(1).complete("from elsewhere"));
        assertThat(thrown).isNull();
        assertThat(seen).as("not applied until the confined thread runs its tasks").containsExactly("null");
        assertThat(ReactiveContext.current().runPending()).isEqualTo(1);
        assertThat(seen).containsExactly("null", "from elsewhere");
    }

    @Test
    void resultCompletedOnAnotherThreadArrivesByReadingTheResource() {
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(signal(1), server::fetch);
        thrownOnAnotherThread(() -> server.future(1).complete("from elsewhere"));
        assertThat(r.get()).isEqualTo("from elsewhere");
        assertThat(r.state()).isEqualTo(State.READY);
    }

    @Test
    void resultCompletedAsynchronouslyArrivesWithAwaitCondition() {
        CountDownLatch go = new CountDownLatch(1);
        Resource<String> r = resource(() -> CompletableFuture.supplyAsync(() -> {
            try {
                go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "async";
        }));
        go.countDown();
        ReactiveContext.current().awaitCondition(() -> r.peek() != null, Duration.ofSeconds(5));
        assertThat(r.get()).isEqualTo("async");
        assertThat(r.state()).isEqualTo(State.READY);
    }

    @Test
    void resourceInASerialContextReceivesResultsFromOtherThreads() throws Exception {
        try (ReactiveContext ctx = ReactiveContext.create("resource-ctx")) {
            Pending<Integer, String> server = new Pending<>();
            CountDownLatch ready = new CountDownLatch(1);
            List<String> seen = new ArrayList<>();
            Signal<Integer> id = ctx.call(() -> signal(1));
            Resource<String> r = ctx.call(() -> {
                Resource<String> res = resource(id, server::fetch);
                effect(() -> {
                    seen.add(res.state() + ":" + res.get());
                    if ("one".equals(res.get())) {
                        ready.countDown();
                    }
                });
                return res;
            });
            server.future(1).complete("one");
            assertThat(ready.await(5, TimeUnit.SECONDS)).as("result delivered to the context").isTrue();
            assertThat(ctx.call(r::state)).isEqualTo(State.READY);
            assertThat(ctx.call(() -> List.copyOf(seen))).containsExactly("PENDING:null", "READY:one");
            ctx.run(() -> id.set(2));
            server.future(2).complete("two");
            awaitTrue("second result", Duration.ofSeconds(5), () -> "two".equals(ctx.call(r::peek)));
        }
    }

    @Test
    void disposedResourceIgnoresLateResultsAndSourceChanges() {
        Signal<Integer> id = signal(1);
        Pending<Integer, String> server = new Pending<>();
        Resource<String> r = resource(id, server::fetch);
        r.dispose();
        server.future(1).complete("late");
        id.set(2);
        assertThat(r.get()).isNull();
        assertThat(server.requested).containsExactly(1);
    }
}
