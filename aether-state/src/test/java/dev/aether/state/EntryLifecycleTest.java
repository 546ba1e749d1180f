package dev.aether.state;

import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How long entries live (gcTime after the last observer) and what a reconnect refetches. Against a real Titan. */
class EntryLifecycleTest {
    private final RealTitan server = new RealTitan();
    private final AtomicLong nanos = new AtomicLong();
    private final Ticker clock = nanos::get;
    private final AetherState state = AetherState.builder(server.httpClient()).ticker(clock).build();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anObservedEntryStaysHoweverLongItLives() {
        var users = owned(() -> state.query(Users.class, Users::list));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);

        nanos.addAndGet(Duration.ofDays(1).toNanos());

        assertThat(state.entryCount()).isEqualTo(1);
        users.owner().dispose();
    }

    @Test
    void anEntryNobodyObservesGoesAfterItsGcTime() {
        var users = owned(() -> state.query(Users.class, Users::list));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        users.owner().dispose();

        nanos.addAndGet(QueryOptions.DEFAULT_GC_TIME.minusSeconds(1).toNanos());
        assertThat(state.entryCount()).as("within gcTime").isEqualTo(1);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());

        assertThat(state.entryCount()).isZero();
    }

    @Test
    void anOwnerComingBackWithinGcTimeFindsTheDataAtOnce() {
        var users = owned(() -> state.query(Users.class, Users::list));
        await(() -> users.value().status().get() == QueryStatus.SUCCESS);
        users.owner().dispose();
        nanos.addAndGet(Duration.ofMinutes(1).toNanos());

        var again = owned(() -> state.query(Users.class, Users::list));

        assertThat(again.value().data().get()).hasSize(2);
        again.owner().dispose();
    }

    @Test
    void aReconnectRefetchesObservedStaleQueriesThatAskForIt() {
        var eager = owned(() -> state.query(Users.class, Users::list));
        var calm = owned(() -> state.query(Users.class, u -> u.find(1), QueryOptions.<User>defaults().refetchOnReconnect(false)));
        await(() -> eager.value().status().get() == QueryStatus.SUCCESS && calm.value().status().get() == QueryStatus.SUCCESS);

        state.reconnected();

        await(() -> server.users.calls("list") == 2);
        assertThat(server.users.calls("find")).isEqualTo(1);
        eager.owner().dispose();
        calm.owner().dispose();
    }
}
