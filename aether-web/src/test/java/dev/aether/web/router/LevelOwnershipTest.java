package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.reactive.Reactive;
import dev.aether.titan.Principal;
import dev.aether.web.AetherWeb;
import dev.aether.web.LivePage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a level's function creates lives as long as the level is shown, and it sees what its page
 * provides, after a live navigation as on a first load: a real Titan, a real live socket.
 */
class LevelOwnershipTest {
    static final AtomicInteger renders = new AtomicInteger();
    /** The renders of /owned whose owner was released (another test's session may end at any time: each render is told apart). */
    static final Set<Integer> released = ConcurrentHashMap.newKeySet();
    static RunningSite site;

    @BeforeAll
    static void start() {
        RouteTree tree = RouteTree.builder()
                .layout(Level.layout(Route.of("/"), (ctx, outlet) -> main(outlet)), site -> site
                        .page(Level.page(Route.of("/plain"), "Plain", ctx -> p(attr("id", "plain"), text("plain"))))
                        .page(Level.page(Route.of("/owned"), "Owned", ctx -> {
                            // what AetherState.query or .stream does: it needs an owner, and is released with it
                            int render = renders.incrementAndGet();
                            Reactive.onCleanup(() -> released.add(render));
                            return div(p(attr("id", "visitor"), text("visitor " + LivePage.principal().map(Principal::id).orElse("nobody"))),
                                    p(text("render " + render + ".")));
                        })))
                .build();
        site = RunningSite.of(AetherWeb.builder()
                .principalFromCookie("who", token -> Optional.of(new Principal(token, Set.of(), Set.of(), Set.of(), Map.of())))
                .routes(tree)
                .build());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aLevelThatNeedsAnOwnerIsRenderedLiveAfterANavigationNotLoadedInFull() throws Exception {
        try (LiveChannel page = site.live("/plain")) {
            List<JsonNode> patches = page.navigate("push", "/owned");

            assertThat(page.answerIn(patches).has("f")).as("a full load").isFalse();
            assertThat(patches.toString()).contains("visitor nobody");
        }
    }

    @Test
    void aLevelReachedByALiveNavigationSeesTheVisitorOfItsPage() throws Exception {
        try (LiveChannel page = site.live("/plain", "who=ada")) {
            List<JsonNode> patches = page.navigate("push", "/owned");

            assertThat(patches.toString()).contains("visitor ada");
        }
    }

    @Test
    void whatALevelCreatedIsReleasedWhenANavigationTakesItOffThePage() throws Exception {
        try (LiveChannel page = site.live("/owned")) {
            Matcher shown = Pattern.compile("render (\\d+)\\.").matcher(page.html);
            assertThat(shown.find()).as("the render number in " + page.html).isTrue();
            int render = Integer.parseInt(shown.group(1));
            assertThat(released).doesNotContain(render);

            page.navigate("push", "/plain");

            assertThat(released).as("renders of /owned released").contains(render);
        }
    }
}
