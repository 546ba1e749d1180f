package dev.aether.state;

import static dev.aether.state.Owners.await;
import static dev.aether.state.Owners.owned;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Infinite and parallel queries against a real Titan over HTTP. */
class PagesAndParallelTest {
    private final RealTitan server = new RealTitan();
    private final AetherState state = AetherState.create(server.httpClient());

    @AfterEach
    void stop() {
        server.close();
    }

    private InfiniteOptions<UserPage, Integer> paging() {
        return InfiniteOptions.<UserPage, Integer>startingAt(0, (last, all) -> last.next())
                .previousPageParam((first, all) -> first.previous());
    }

    private static List<String> names(InfiniteQuery<UserPage, Integer> feed) {
        return feed.pages().get().stream().flatMap(p -> p.users().stream()).map(User::name).toList();
    }

    @Test
    void nextPagesAreFetchedUntilThereIsNoNextParam() {
        server.users.create("Linus");
        var feed = owned(() -> state.infiniteQuery(Users.class, Users::page, paging()));
        await(() -> feed.value().status().get() == QueryStatus.SUCCESS);

        feed.value().fetchNextPage();
        await(() -> feed.value().pages().get().size() == 2);
        feed.value().fetchNextPage();
        await(() -> feed.value().pages().get().size() == 3);

        assertThat(names(feed.value())).containsExactly("Ada", "Grace", "Linus");
        assertThat(feed.value().hasNextPage().get()).isFalse();
        assertThat(feed.value().pageParams().get()).containsExactly(0, 1, 2);
        feed.owner().dispose();
    }

    @Test
    void maxPagesDropsTheFarthestPageAndPreviousPagesComeBackInFront() {
        server.users.create("Linus");
        var feed = owned(() -> state.infiniteQuery(Users.class, Users::page, paging().maxPages(2)));
        await(() -> feed.value().status().get() == QueryStatus.SUCCESS);
        feed.value().fetchNextPage();
        await(() -> feed.value().pages().get().size() == 2);

        feed.value().fetchNextPage();
        await(() -> names(feed.value()).equals(List.of("Grace", "Linus")));
        assertThat(feed.value().hasPreviousPage().get()).isTrue();

        feed.value().fetchPreviousPage();
        await(() -> names(feed.value()).equals(List.of("Ada", "Grace")));
        feed.owner().dispose();
    }

    @Test
    void parallelQueriesFetchTogetherAndCombineTheirStatus() {
        List<Function<Users, User>> calls = List.of(u -> u.find(1), u -> u.find(2));
        var team = owned(() -> state.queries(Users.class, calls, QueryOptions.defaults()));
        assertThat(team.value().status().get()).isEqualTo(QueryStatus.PENDING);

        await(() -> team.value().status().get() == QueryStatus.SUCCESS);

        assertThat(team.value().data().get()).extracting(User::name).containsExactly("Ada", "Grace");
        assertThat(server.users.calls("find")).isEqualTo(2);
        team.owner().dispose();
    }
}
