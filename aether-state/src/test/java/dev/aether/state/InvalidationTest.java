package dev.aether.state;

import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.client.event.EventSubscription;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Invalidation refetches every observed query it matches; unobserved ones are only marked stale. Against a real Titan. */
class InvalidationTest {
    private final RealTitan server = new RealTitan();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void invalidatingATagRefetchesTheObservedQueryAndItShowsTheNewData() {
        AetherState state = AetherState.create(server.httpClient());
        var users = owned(() -> state.query(Users.class, Users::list, QueryOptions.<List<User>>defaults().tags("users")));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);

        server.users.create("Linus");
        int refetched = state.invalidateTags("users");

        assertThat(refetched).isEqualTo(1);
        await(() -> users.value().data().get().size() == 3);
        assertThat(server.users.calls("list")).isEqualTo(2);
        users.owner().dispose();
    }

    @Test
    void anUnobservedQueryIsOnlyMarkedStaleAndRefetchesWhenObservedAgain() {
        AetherState state = AetherState.create(server.httpClient());
        var users = owned(() -> state.query(Users.class, Users::list, QueryOptions.<List<User>>defaults().tags("users")));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        users.owner().dispose();

        int refetched = state.invalidateTags("users");

        assertThat(refetched).isZero();
        assertThat(server.users.calls("list")).isEqualTo(1);
        var again = owned(() -> state.query(Users.class, Users::list, QueryOptions.<List<User>>defaults().tags("users")));
        assertThat(again.value().isStale().get()).isTrue();
        await(() -> server.users.calls("list") == 2);
        again.owner().dispose();
    }

    @Test
    void anAnswerFromBeforeAnInvalidationNeverLands() throws Exception {
        AetherState state = AetherState.create(server.httpClient());
        List<Integer> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        var users = owned(() -> state.query(Users.class, Users::heldList, QueryOptions.<List<User>>defaults().tags("users")));
        var watcher = owned(() -> dev.aether.reactive.Reactive.effect(() -> {
            List<User> now = users.value().data().get();
            if (now != null) {
                shown.add(now.size());
            }
        }));
        assertThat(server.users.awaitHeld()).isTrue();   // the first call took its answer: 2 users

        server.users.create("Linus");
        state.invalidateTags("users");                     // a second call takes 3 users
        await(() -> server.users.calls("heldList") == 2);
        server.users.releaseHeld();

        await(() -> !users.value().isFetching().get() && !shown.isEmpty());
        assertThat(shown).containsExactly(3);
        watcher.owner().dispose();
        users.owner().dispose();
    }

    @Test
    void aKeyPrefixMatchesEveryArgumentOfAMethod() {
        AetherState state = AetherState.create(server.httpClient());
        var ada = owned(() -> state.query(Users.class, u -> u.find(1)));
        var grace = owned(() -> state.query(Users.class, u -> u.find(2)));
        var list = owned(() -> state.query(Users.class, Users::list));
        await(() -> ada.value().data().get() != null && grace.value().data().get() != null && list.value().data().get() != null);

        int refetched = state.invalidate("users@1.0.0:find:*");

        assertThat(refetched).isEqualTo(2);
        await(() -> server.users.calls("find") == 4);
        assertThat(server.users.calls("list")).isEqualTo(1);
        ada.owner().dispose();
        grace.owner().dispose();
        list.owner().dispose();
    }

    @Test
    void aPredicateOverKeysChoosesWhatToInvalidate() {
        AetherState state = AetherState.create(server.httpClient());
        var ada = owned(() -> state.query(Users.class, u -> u.find(1)));
        var grace = owned(() -> state.query(Users.class, u -> u.find(2)));
        await(() -> ada.value().data().get() != null && grace.value().data().get() != null);

        int refetched = state.invalidate(key -> key.text().endsWith("[2]"));

        assertThat(refetched).isEqualTo(1);
        await(() -> server.users.calls("find") == 3);
        ada.owner().dispose();
        grace.owner().dispose();
    }

    @Test
    void theDefaultTagsAreTheServiceAndItsMethodAsTheClientsCacheHasThem() {
        AetherState state = AetherState.create(server.httpClient());
        var list = owned(() -> state.query(Users.class, Users::list));
        await(() -> list.value().data().get() != null);

        assertThat(state.invalidateTags("users@1.0.0:list")).isEqualTo(1);
        assertThat(state.invalidateTags("users@1.0.0")).isEqualTo(1);
        list.owner().dispose();
    }

    @Test
    void aServerEventInvalidatesItsTagsAndEveryObservingQueryRefetches() throws Exception {
        AetherState state = AetherState.create(server.webSocketClient());
        var first = owned(() -> state.query(Users.class, Users::list, QueryOptions.<List<User>>defaults().tags("users")));
        var second = owned(() -> state.withPrincipal("bob").query(Users.class, Users::list,
                QueryOptions.<List<User>>defaults().tags("users")));
        await(() -> first.value().data().get() != null && second.value().data().get() != null);

        try (EventSubscription refresh = state.invalidateOn("user.created", "users")) {
            refresh.confirmed().get();
            server.users.create("Linus");    // emits user.created on the server

            await(() -> first.value().data().get().size() == 3 && second.value().data().get().size() == 3);
        }
        first.owner().dispose();
        second.owner().dispose();
    }
}
