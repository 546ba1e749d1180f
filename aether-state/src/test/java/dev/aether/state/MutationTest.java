package dev.aether.state;

import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.cache.Invalidation;
import dev.aether.netron.client.call.RetryDecision;
import dev.aether.netron.client.call.RetryPolicy;
import dev.aether.netron.protocol.error.NetronException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Mutations against a real Titan over HTTP: state, callbacks, invalidation, optimistic updates, retries. */
class MutationTest {
    private static final QueryOptions<List<User>> TAGGED = QueryOptions.<List<User>>defaults().tags("users");

    private final RealTitan server = new RealTitan();

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<User> with(List<User> users, String name) {
        List<User> more = new ArrayList<>(users == null ? List.of() : users);
        more.add(new User(-1, name));
        return more;
    }

    @Test
    void aMutationIsPendingThenSucceedsWithTheServersResult() {
        AetherState state = AetherState.create(server.httpClient());
        Mutation<String, User> create = state.mutation(Users.class, Users::create);

        create.mutate("Linus");

        assertThat(create.status().get()).isEqualTo(MutationStatus.PENDING);
        assertThat(create.isPending().get()).isTrue();
        assertThat(create.variables().get()).isEqualTo("Linus");
        await(() -> create.status().get() == MutationStatus.SUCCESS);
        assertThat(create.data().get()).isEqualTo(new User(3, "Linus"));
    }

    @Test
    void aSuccessfulMutationInvalidatesItsTagsAndTheObservedQueryShowsTheChange() {
        AetherState state = AetherState.create(server.httpClient());
        var users = owned(() -> state.query(Users.class, Users::list, TAGGED));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        Mutation<String, User> create = state.mutation(Users.class, Users::create, MutationOptions.<String, User>defaults().invalidates("users"));

        create.mutate("Linus");

        await(() -> users.value().data().get().size() == 3);
        users.owner().dispose();
    }

    @Test
    void anOptimisticUpdateShowsAtOnceAndIsRolledBackWhenTheMutationFails() {
        AetherState state = AetherState.create(server.httpClient());
        var users = owned(() -> state.query(Users.class, Users::list, TAGGED));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        List<User> before = users.value().data().get();
        Mutation<String, User> refused = state.mutation(Users.class, Users::refuse, MutationOptions.<String, User>defaults()
                .optimistic(Invalidation.tags("users"), MutationTest::with));

        refused.mutate("Linus");

        assertThat(users.value().data().get()).as("at once").extracting(User::name).containsExactly("Ada", "Grace", "Linus");
        await(() -> refused.status().get() == MutationStatus.ERROR);
        assertThat(users.value().data().get()).as("rolled back").isSameAs(before);
        assertThat(refused.error().get()).isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(409));
        users.owner().dispose();
    }

    @Test
    void onMutatesContextReachesOnErrorAndOnSettledInOrder() {
        AetherState state = AetherState.create(server.httpClient());
        List<String> seen = new CopyOnWriteArrayList<>();
        Mutation<String, User> refused = state.mutation(Users.class, Users::refuse, MutationOptions.<String, User>defaults()
                .onMutate(name -> {
                    seen.add("onMutate " + name);
                    return "snapshot";
                })
                .onSuccess((user, name, context) -> seen.add("onSuccess"))
                .onError((error, name, context) -> seen.add("onError " + context))
                .onSettled((user, error, name, context) -> seen.add("onSettled " + context + " " + (error != null))));

        refused.mutate("Linus");

        await(() -> refused.status().get() == MutationStatus.ERROR);
        assertThat(seen).containsExactly("onMutate Linus", "onError snapshot", "onSettled snapshot true");
    }

    @Test
    void mutateAsyncCompletesWithTheResultAfterOnSuccess() throws Exception {
        AetherState state = AetherState.create(server.httpClient());
        List<String> seen = new CopyOnWriteArrayList<>();
        Mutation<String, User> create = state.mutation(Users.class, Users::create, MutationOptions.<String, User>defaults()
                .onSuccess((user, name, context) -> seen.add("onSuccess " + user.name())));

        var result = create.mutateAsync("Linus");
        await(result::isDone);

        assertThat(result.get()).isEqualTo(new User(3, "Linus"));
        assertThat(seen).containsExactly("onSuccess Linus");
    }

    @Test
    void resetForgetsTheOutcome() {
        AetherState state = AetherState.create(server.httpClient());
        Mutation<String, User> create = state.mutation(Users.class, Users::create);
        create.mutate("Linus");
        await(() -> create.status().get() == MutationStatus.SUCCESS);

        create.reset();

        assertThat(create.status().get()).isEqualTo(MutationStatus.IDLE);
        assertThat(create.data().get()).isNull();
        assertThat(create.variables().get()).isNull();
    }

    @Test
    void aMutationIsNotRetriedByDefaultSoALostAnswerIsAnErrorAndItRanOnce() {
        AnswerLosingInterceptor losing = new AnswerLosingInterceptor("create", 1);
        AetherState state = AetherState.create(server.httpClient(losing));
        Mutation<String, User> create = state.mutation(Users.class, Users::create);

        create.mutate("Linus");

        await(() -> create.status().get() == MutationStatus.ERROR);
        assertThat(losing.lost()).isEqualTo(1);
        assertThat(server.users.calls("create")).isEqualTo(1);
    }

    @Test
    void aRetriedMutationWhoseAnswersWereLostRunsOnceThanksToItsIdempotencyKey() throws Exception {
        AnswerLosingInterceptor losing = new AnswerLosingInterceptor("create", 2);
        AetherState state = AetherState.create(server.httpClient(losing));
        Mutation<String, User> create = state.mutation(Users.class, Users::create, MutationOptions.<String, User>defaults()
                .retry(RetryPolicy.attempts(3).backoff(RetryPolicy.Backoff.CONSTANT, Duration.ofMillis(20), Duration.ofMillis(20))
                        .jitter(0).retryIf(RetryDecision.standardWithKeys())));

        var result = create.mutateAsync("Linus");
        await(result::isDone);

        assertThat(result.get()).isEqualTo(new User(3, "Linus"));
        assertThat(losing.lost()).isEqualTo(2);
        assertThat(server.users.calls("create")).as("three attempts, one run").isEqualTo(1);
        assertThat(server.users.list()).hasSize(3);
    }

    @Test
    void mutateAsyncFailsWithTheServersError() {
        AetherState state = AetherState.create(server.httpClient());
        Mutation<String, User> refused = state.mutation(Users.class, Users::refuse);

        var result = refused.mutateAsync("Linus");
        await(result::isDone);

        assertThat(result).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(NetronException.class, e -> assertThat(e.code()).isEqualTo(409));
    }
}
