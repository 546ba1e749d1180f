package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.ActionResult;
import dev.aether.web.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The guard steps of a navigation, in order: global before-guards, then each matched level's
 * guards outermost first, then the loaders, then the after hooks; the first decision that is not
 * allow ends the navigation, and nothing after it runs.
 */
class GuardOrderTest {
    public record TeamParams(String team) {
    }

    static final Route<TeamParams> TEAM = Route.of("/teams/:team", TeamParams.class);
    static final Route<TeamParams> TEAM_PAGE = Route.of("/teams/:team/board", TeamParams.class);

    @RegisterExtension
    final CapturedLog log = CapturedLog.of(RouteGuards.class);

    final List<String> steps = new CopyOnWriteArrayList<>();

    private Guard before(String name, GuardDecision decision) {
        return to -> {
            steps.add(name);
            return decision;
        };
    }

    private <P extends Record> LevelGuard<P> levelGuard(String name, GuardDecision decision) {
        return (params, to) -> {
            steps.add(name + "(" + params + ")");
            return decision;
        };
    }

    private RouteTree tree(GuardDecision first, GuardDecision layout, GuardDecision page) {
        Loader<TeamParams, String> layoutLoader = Loader.of("layout-data", args -> {
            steps.add("loader");
            return "x";
        });
        return RouteTree.builder()
                .beforeEach(before("global-1", first))
                .beforeEach(before("global-2", GuardDecision.allow()))
                .afterEach(to -> steps.add("after " + to.path() + " " + to.kind()))
                .layout(dev.aether.web.router.Level.layout(TEAM, (ctx, outlet) -> div(outlet)).loader(layoutLoader)
                                .guard(levelGuard("layout", layout)),
                        team -> team.page(dev.aether.web.router.Level.page(TEAM_PAGE, "Board", ctx -> p(text("board")))
                                .guard(levelGuard("page-a", page))
                                .guard(levelGuard("page-b", GuardDecision.allow()))))
                .build();
    }

    private static ActionResult get(RouteTree tree, String path) {
        Function<PageRequest, ActionResult> handler = tree.handlerFor(path).orElseThrow();
        return handler.apply(new PageRequest("GET", path, Map.of(), Map.of()));
    }

    @Test
    void globalGuardsThenEachLevelsGuardsOutermostFirstThenLoadersThenAfterHooks() {
        ActionResult result = get(tree(GuardDecision.allow(), GuardDecision.allow(), GuardDecision.allow()), "/teams/red/board");

        assertThat(result).isInstanceOf(ActionResult.Show.class);
        assertThat(((ActionResult.Show) result).status()).isEqualTo(200);
        assertThat(steps).containsExactly("global-1", "global-2", "layout(TeamParams[team=red])", "page-a(TeamParams[team=red])",
                "page-b(TeamParams[team=red])", "loader", "after /teams/red/board DOCUMENT");
    }

    @Test
    void aCancellingGlobalGuardStopsEverythingAfterIt() {
        ActionResult result = get(tree(GuardDecision.cancel(), GuardDecision.allow(), GuardDecision.allow()), "/teams/red/board");

        assertThat(((ActionResult.Show) result).status()).isEqualTo(403);
        assertThat(steps).containsExactly("global-1");
    }

    @Test
    void aRedirectingLayoutGuardRunsNoPageGuardNoLoaderAndNoAfterHook() {
        ActionResult result = get(tree(GuardDecision.allow(), GuardDecision.redirect("/login?next=%2Fteams", 303), GuardDecision.allow()),
                "/teams/red/board");

        assertThat(result).isEqualTo(new ActionResult.Redirect("/login?next=%2Fteams", 303));
        assertThat(steps).containsExactly("global-1", "global-2", "layout(TeamParams[team=red])");
    }

    @Test
    void aCancellingPageGuardLeavesTheLaterGuardsOfItsLevelUnasked() {
        ActionResult result = get(tree(GuardDecision.allow(), GuardDecision.allow(), GuardDecision.cancel()), "/teams/red/board");

        assertThat(((ActionResult.Show) result).status()).isEqualTo(403);
        assertThat(steps).containsExactly("global-1", "global-2", "layout(TeamParams[team=red])", "page-a(TeamParams[team=red])");
    }

    @Test
    void aGuardSeesTheMatchedPagesParamsTyped() {
        List<TeamParams> seen = new CopyOnWriteArrayList<>();
        RouteTree tree = RouteTree.builder()
                .beforeEach(to -> {
                    to.paramsOf(TEAM_PAGE).ifPresent(seen::add);
                    assertThat(to.paramsOf(TEAM)).isEmpty();   // another route: not the matched page's
                    return GuardDecision.allow();
                })
                .page(dev.aether.web.router.Level.page(TEAM_PAGE, "Board", ctx -> p(text("board"))))
                .build();

        get(tree, "/teams/blue/board");

        assertThat(seen).containsExactly(new TeamParams("blue"));
    }

    @Test
    void aFailingAfterHookDoesNotUndoTheNavigationNorStopTheNextHook() {
        RouteTree tree = RouteTree.builder()
                .afterEach(to -> {
                    throw new IllegalStateException("analytics down");
                })
                .afterEach(to -> steps.add("second hook"))
                .page(dev.aether.web.router.Level.page(TEAM_PAGE, "Board", ctx -> p(text("board"))))
                .build();

        assertThat(((ActionResult.Show) get(tree, "/teams/blue/board")).status()).isEqualTo(200);
        assertThat(steps).containsExactly("second hook");
        assertThat(log.take(Level.WARN)).singleElement()
                .satisfies(e -> assertThat(e.getThrowableProxy().getMessage()).isEqualTo("analytics down"));
    }

    @Test
    void aRedirectOnlyGoesToAPathOnThisSite() {
        for (String offSite : List.of("https://evil.example/", "//evil.example/x", "/\\evil.example", "evil.example", "/ok\r\nSet-Cookie: a=b",
                "/\tevil")) {
            assertThatThrownBy(() -> GuardDecision.redirect(offSite))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("only to a path on this site")
                    .hasMessageContaining("open redirect is refused");
        }
        assertThat(GuardDecision.redirect("/login?next=/a%2Fb#top")).isEqualTo(new GuardDecision.Redirect("/login?next=/a%2Fb#top", 302));
    }

    @Test
    void aRedirectsStatusIsATemporaryOrPermanentOneThatKeepsOrChangesTheMethod() {
        assertThatThrownBy(() -> GuardDecision.redirect("/login", 301)).hasMessageContaining("302, 303, 307 or 308, got 301");
        assertThatThrownBy(() -> GuardDecision.redirect("/login", 200)).hasMessageContaining("got 200");
        assertThat(GuardDecision.redirect("/login", 308)).isEqualTo(new GuardDecision.Redirect("/login", 308));
    }
}
