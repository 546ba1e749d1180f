package dev.aether.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The same query in many sessions (each its own serial ReactiveContext, as live sessions are):
 * one entry and one fetch per principal, and one invalidation refetches once for all of them.
 * Against a real Titan over HTTP.
 */
class SharedAcrossSessionsTest {
    private static final int SESSIONS = 1_000;

    private final RealTitan server = new RealTitan();
    private final AetherState state = AetherState.create(server.httpClient());
    private final List<ReactiveContext> sessions = new ArrayList<>();

    @AfterEach
    void stop() {
        sessions.forEach(ReactiveContext::close);
        server.close();
    }

    /** A session's context with one root observing the users list; answers the query. */
    private Query<List<User>> session(AetherState view, QueryOptions<List<User>> options) {
        ReactiveContext session = ReactiveContext.create("session-" + sessions.size());
        sessions.add(session);
        return session.call(() -> Reactive.createRoot((Disposable dispose) -> view.query(Users.class, Users::list, options)));
    }

    private static boolean showsUsers(Query<List<User>> query, int count, ReactiveContext session) {
        return session.call(() -> query.data().get() != null && query.data().get().size() == count);
    }

    private void awaitAll(List<Query<List<User>>> queries, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int i = 0; i < queries.size(); i++) {
            while (!showsUsers(queries.get(i), count, sessions.get(i))) {
                assertThat(System.nanoTime()).as("session %d shows %d users", i, count).isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    @Test
    void aThousandSessionsOfOnePrincipalShareOneEntryAndOneFetch() throws Exception {
        QueryOptions<List<User>> options = QueryOptions.<List<User>>defaults().maxAge(Duration.ofMinutes(1)).tags("users");
        List<Query<List<User>>> queries = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            queries.add(session(state.withPrincipal("alice"), options));
        }

        awaitAll(queries, 2);

        assertThat(server.users.calls("list")).isEqualTo(1);
        assertThat(state.entryCount()).isEqualTo(1);
    }

    @Test
    void oneInvalidationRefetchesOnceForAThousandObservingSessions() throws Exception {
        QueryOptions<List<User>> options = QueryOptions.<List<User>>defaults().maxAge(Duration.ofMinutes(1)).tags("users");
        List<Query<List<User>>> queries = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            queries.add(session(state.withPrincipal("alice"), options));
        }
        awaitAll(queries, 2);

        server.users.create("Linus");
        state.invalidateTags("users");

        awaitAll(queries, 3);
        assertThat(server.users.calls("list")).isEqualTo(2);
    }

    @Test
    void twoPrincipalsNeverShareAnEntry() throws Exception {
        QueryOptions<List<User>> options = QueryOptions.<List<User>>defaults().maxAge(Duration.ofMinutes(1));
        List<Query<List<User>>> queries = List.of(session(state.withPrincipal("alice"), options), session(state.withPrincipal("bob"), options));

        awaitAll(queries, 2);

        assertThat(server.users.calls("list")).isEqualTo(2);
        assertThat(state.entryCount()).isEqualTo(2);
        assertThat(queries.get(0).key()).isNotEqualTo(queries.get(1).key());
    }

    @Test
    void aPublicResultIsOneEntryForEveryPrincipal() throws Exception {
        QueryOptions<List<User>> options = QueryOptions.<List<User>>defaults().maxAge(Duration.ofMinutes(1)).publicResult();
        List<Query<List<User>>> queries = List.of(session(state.withPrincipal("alice"), options), session(state.withPrincipal("bob"), options));

        awaitAll(queries, 2);

        assertThat(server.users.calls("list")).isEqualTo(1);
        assertThat(state.entryCount()).isEqualTo(1);
    }
}
