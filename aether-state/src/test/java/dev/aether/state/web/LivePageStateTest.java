package dev.aether.state.web;

import static dev.aether.web.component.Components.each;
import static dev.aether.web.component.Components.suspense;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.state.AetherState;
import dev.aether.state.Query;
import dev.aether.state.QueryOptions;
import dev.aether.state.User;
import dev.aether.state.UserService;
import dev.aether.state.Users;
import dev.aether.titan.Principal;
import dev.aether.titan.Titan;
import dev.aether.titan.event.InProcessEventBus;
import dev.aether.web.AetherWeb;
import dev.aether.web.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries on live pages served by a real Titan: the page rendered during the GET is the live
 * page, so its query is fetched once; each visitor has their own entries; the page's live session
 * owns the query, and lets it go when it ends.
 */
class LivePageStateTest {
    private static final QueryOptions<List<User>> FRESH_FOR_A_MINUTE = QueryOptions.<List<User>>defaults().tags("users")
            .maxAge(Duration.ofMinutes(1));

    private final UserService users = new UserService(new InProcessEventBus());
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private AetherWeb web;
    private Titan titan;
    private AetherState state;

    @BeforeEach
    void start() {
        web = AetherWeb.builder()
                .gracePeriod(Duration.ofMillis(300))   // no browser attaches here: a page's session ends 300 ms after it is served
                .principalFromCookie("who", name -> Optional.of(new Principal(name, Set.of(), Set.of(), Set.of(), Map.of())))
                .page("/users", request -> Page.of("Users", () -> {
                    Query<List<User>> list = LiveState.forVisitor(state).query(Users.class, Users::list, FRESH_FOR_A_MINUTE);
                    return suspense(() -> p(id("loading"), text("Loading…")),
                            () -> ul(id("users"), each(() -> LiveState.await(list), User::id, u -> li(text(u.name())))));
                }))
                .build();
        titan = Titan.builder().port(0).service(users).mount(web).build().start();
        state = AetherState.create(titan.client());
    }

    @AfterEach
    void stop() {
        titan.stop();
    }

    private String page(String visitor) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(titan.httpUri() + "/users")).header("Cookie", "who=" + visitor).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void theQueryAnsweredWhileThePageStreamedIsInThePageAndFetchedOnce() throws Exception {
        String html = page("ada");
        assertThat(html).contains("<li>Ada</li>", "<li>Grace</li>");
        assertThat(users.calls("list")).isEqualTo(1);
    }

    @Test
    void anotherPageOfTheSameVisitorSharesTheEntryAndAnotherVisitorHasTheirOwn() throws Exception {
        page("ada");
        page("ada");
        assertThat(users.calls("list")).as("ada's second page uses her fresh entry").isEqualTo(1);
        page("bob");
        assertThat(users.calls("list")).as("bob's page fetches his own").isEqualTo(2);
        assertThat(state.entryCount()).isEqualTo(2);
    }

    @Test
    void theLiveSessionObservesItsQueryUntilItEndsAndThenLetsItGo() throws Exception {
        page("ada");
        assertThat(state.invalidateTags("users")).as("observed by the live page: refetched").isEqualTo(1);
        await(() -> users.calls("list") == 2);

        await(() -> web.liveSessions() == 0);   // the grace period passed with no browser attached

        assertThat(state.invalidateTags("users")).as("nobody observes it any more").isZero();
        assertThat(users.calls("list")).isEqualTo(2);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}
