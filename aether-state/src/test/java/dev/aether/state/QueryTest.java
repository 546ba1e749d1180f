package dev.aether.state;

import static dev.aether.reactive.Reactive.effect;
import static dev.aether.reactive.Reactive.signal;
import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.reactive.Signal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Queries against a real Titan over HTTP: what they show, when they fetch, and how often the server is called. */
class QueryTest {
    private static final RetryPolicy FAST_RETRY = RetryPolicy.attempts(3)
            .backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(10), Duration.ofMillis(10)).jitter(0);

    private final RealTitan server = new RealTitan();
    private final AetherState state = AetherState.create(server.httpClient());

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aQueryIsPendingThenShowsTheServersAnswer() {
        var users = owned(() -> state.query(Users.class, Users::list));

        assertThat(users.value().status().get()).isEqualTo(QueryStatus.PENDING);
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);

        assertThat(users.value().data().get()).extracting(User::name).containsExactly("Ada", "Grace");
        assertThat(users.value().isFetching().get()).isFalse();
        users.owner().dispose();
    }

    @Test
    void aSecondOwnerOfTheSameFreshQuerySharesItsEntryWithoutFetching() {
        QueryOptions<List<User>> fresh = QueryOptions.<List<User>>defaults().maxAge(Duration.ofMinutes(1));
        var first = owned(() -> state.query(Users.class, Users::list, fresh));
        await(() -> first.value().status().get() == QueryStatus.SUCCESS);

        var second = owned(() -> state.query(Users.class, Users::list, fresh));

        assertThat(second.value().data().get()).isSameAs(first.value().data().get());
        assertThat(server.users.calls("list")).isEqualTo(1);
        assertThat(state.entryCount()).isEqualTo(1);
        first.owner().dispose();
        second.owner().dispose();
    }

    @Test
    void aNewOwnerOfStaleDataShowsItAtOnceAndRefetchesOnMount() {
        var first = owned(() -> state.query(Users.class, Users::list));
        await(() -> first.value().status().get() == QueryStatus.SUCCESS);

        var second = owned(() -> state.query(Users.class, Users::list));

        assertThat(second.value().status().get()).as("the stale data shows at once").isEqualTo(QueryStatus.SUCCESS);
        await(() -> server.users.calls("list") == 2 && !second.value().isFetching().get());
        first.owner().dispose();
        second.owner().dispose();
    }

    @Test
    void theSignalsReadInTheCallAreItsArgumentsAndChangingThemFetchesTheNewKey() {
        Signal<Long> id = signal(1L);
        var user = owned(() -> state.query(Users.class, u -> u.find(id.get())));
        await(() -> user.value().data().get() != null);
        assertThat(user.value().data().get().name()).isEqualTo("Ada");

        id.set(2L);

        await(() -> user.value().data().get() != null && user.value().data().get().name().equals("Grace"));
        assertThat(user.value().key().text()).isEqualTo("users@1.0.0:find:[2]");
        user.owner().dispose();
    }

    @Test
    void keepPreviousDataShowsTheOldKeysDataUntilTheNewKeyArrives() {
        Signal<Long> id = signal(1L);
        var user = owned(() -> state.query(Users.class, u -> u.find(id.get()),
                QueryOptions.<User>defaults().keepPreviousData(true)));
        await(() -> user.value().data().get() != null);
        User ada = user.value().data().get();

        id.set(2L);

        assertThat(user.value().data().get()).as("until user 2 arrives").isSameAs(ada);
        assertThat(user.value().isPlaceholderData().get()).isTrue();
        await(() -> user.value().data().get().id() == 2L);
        assertThat(user.value().isPlaceholderData().get()).isFalse();
        user.owner().dispose();
    }

    @Test
    void withoutKeepPreviousDataANewKeyIsPendingWithNoData() {
        Signal<Long> id = signal(1L);
        var user = owned(() -> state.query(Users.class, u -> u.find(id.get())));
        await(() -> user.value().data().get() != null);

        id.set(2L);

        assertThat(user.value().data().get()).isNull();
        assertThat(user.value().status().get()).isEqualTo(QueryStatus.PENDING);
        user.owner().dispose();
    }

    @Test
    void aDisabledQueryFetchesNothingUntilItsEnabledSignalTurnsTrue() {
        Signal<Boolean> signedIn = signal(false);
        var users = owned(() -> state.query(Users.class, Users::list, QueryOptions.<List<User>>defaults().enabled(signedIn::get)));

        assertThat(users.value().status().get()).isEqualTo(QueryStatus.PENDING);
        assertThat(server.users.calls("list")).isZero();
        signedIn.set(true);

        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        assertThat(server.users.calls("list")).isEqualTo(1);
        users.owner().dispose();
    }

    @Test
    void placeholderDataShowsWhileTheFirstFetchRunsAndIsNotCached() {
        List<User> nobody = List.of();
        var users = owned(() -> state.query(Users.class, Users::list, QueryOptions.<List<User>>defaults().placeholderData(nobody)));

        assertThat(users.value().data().get()).isSameAs(nobody);
        assertThat(users.value().isPlaceholderData().get()).isTrue();
        assertThat(users.value().status().get()).isEqualTo(QueryStatus.SUCCESS);
        await(() -> users.value().data().get().size() == 2);
        users.owner().dispose();
    }

    @Test
    void freshInitialDataIsShownAndNotFetched() {
        List<User> seeded = List.of(new User(9, "Seed"));
        var users = owned(() -> state.query(Users.class, Users::list,
                QueryOptions.<List<User>>defaults().initialData(seeded).maxAge(Duration.ofMinutes(1))));

        assertThat(users.value().data().get()).isSameAs(seeded);
        assertThat(users.value().status().get()).isEqualTo(QueryStatus.SUCCESS);
        assertThat(server.users.calls("list")).isZero();
        users.owner().dispose();
    }

    @Test
    void aResultEqualToTheOldOneKeepsItsIdentitySoNothingDownstreamReRuns() {
        var users = owned(() -> state.query(Users.class, Users::list));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        List<User> before = users.value().data().get();
        AtomicInteger runs = new AtomicInteger();
        var reader = owned(() -> effect(() -> {
            users.value().data().get();
            runs.incrementAndGet();
        }));

        users.value().refetch().join();
        await(() -> !users.value().isFetching().get());

        assertThat(users.value().data().get()).isSameAs(before);
        assertThat(runs).hasValue(1);
        reader.owner().dispose();
        users.owner().dispose();
    }

    @Test
    void equalElementsOfAChangedListKeepTheirIdentity() {
        var users = owned(() -> state.query(Users.class, Users::list));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        List<User> before = users.value().data().get();

        server.users.rename(2, "Grace Hopper");
        users.value().refetch().join();
        await(() -> users.value().data().get() != before);

        List<User> after = users.value().data().get();
        assertThat(after.get(0)).isSameAs(before.get(0));
        assertThat(after.get(1)).isNotSameAs(before.get(1)).isEqualTo(new User(2, "Grace Hopper"));
        users.owner().dispose();
    }

    @Test
    void selectRecomputesOnlyWhenItsPartChanged() {
        var users = owned(() -> state.query(Users.class, Users::list));
        var count = owned(() -> users.value().select(List::size));
        await(() -> Integer.valueOf(2).equals(count.value().get()));
        AtomicInteger runs = new AtomicInteger();
        var reader = owned(() -> effect(() -> {
            count.value().get();
            runs.incrementAndGet();
        }));

        server.users.rename(1, "Ada Lovelace");
        users.value().refetch().join();
        await(() -> users.value().data().get().get(0).name().equals("Ada Lovelace"));

        assertThat(runs).as("the count did not change").hasValue(1);
        reader.owner().dispose();
        users.owner().dispose();
    }

    @Test
    void aFailingFetchIsRetriedAndThenSucceeds() {
        server.users.failNext(2);
        var users = owned(() -> state.query(Users.class, Users::flakyList, QueryOptions.<List<User>>defaults().retry(FAST_RETRY)));

        await(() -> users.value().status().get() == QueryStatus.SUCCESS);

        assertThat(server.users.calls("flakyList")).isEqualTo(3);
        users.owner().dispose();
    }

    @Test
    void aFetchThatFailsAfterItsRetriesShowsTheError() {
        server.users.failNext(10);
        var users = owned(() -> state.query(Users.class, Users::flakyList, QueryOptions.<List<User>>defaults().retry(FAST_RETRY)));

        await(() -> users.value().status().get() == QueryStatus.ERROR);

        assertThat(users.value().error().get()).isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(503));
        assertThat(server.users.calls("flakyList")).isEqualTo(3);
        users.owner().dispose();
    }

    @Test
    void aMethodReturningAFutureIsQueriedToo() {
        var user = owned(() -> state.queryAsync(Users.class, u -> u.findAsync(2), QueryOptions.defaults()));

        await(() -> user.value().status().get() == QueryStatus.SUCCESS);

        assertThat(user.value().data().get().name()).isEqualTo("Grace");
        user.owner().dispose();
    }

    @Test
    void aMethodReturningAFutureGivenToQueryIsRefusedWithAdvice() {
        List<Throwable> errors = new java.util.ArrayList<>();
        var user = owned(() -> {
            dev.aether.reactive.Reactive.onError(errors::add);
            return state.query(Users.class, u -> u.findAsync(2));
        });

        assertThat(errors).singleElement().asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.THROWABLE)
                .hasMessageContaining("use queryAsync");
        user.owner().dispose();
    }

    @Test
    void aFreshAnswerAlreadyInTheClientsCacheAnswersTheFirstFetch() {
        dev.aether.netron.client.NetronClient client = server.httpClient();
        AetherState cached = AetherState.create(client);
        client.withOptions(o -> o.cache(dev.aether.netron.client.call.CachePolicy.maxAge(Duration.ofMinutes(1))))
                .service(Users.class).list();   // a plain call (SSR, say) fills the client's cache

        var users = owned(() -> cached.query(Users.class, Users::list, QueryOptions.<List<User>>defaults().maxAge(Duration.ofMinutes(1))));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);

        assertThat(users.value().data().get()).hasSize(2);
        assertThat(server.users.calls("list")).isEqualTo(1);
        users.owner().dispose();
    }

    @Test
    void dataBecomesStaleOnceItsMaxAgeHasPassed() {
        var users = owned(() -> state.query(Users.class, Users::list, QueryOptions.<List<User>>defaults().maxAge(Duration.ofMillis(300))));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        assertThat(users.value().isStale().get()).isFalse();

        await(() -> users.value().isStale().get());
        users.owner().dispose();
    }

    @Test
    void aQueryOutsideAnOwnerIsRefused() {
        assertThatThrownBy(() -> state.query(Users.class, Users::list)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs an owner");
    }
}
