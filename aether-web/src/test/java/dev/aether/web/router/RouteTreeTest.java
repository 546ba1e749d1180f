package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A route tree matches a URL to its chain of levels, outermost layout first; and refuses a tree that cannot be read one way. */
class RouteTreeTest {
    public record TeamParams(String team) {
    }

    public record MemberParams(String team, long member) {
    }

    static final Level<NoParams> ROOT = Level.layout(Route.of("/"), (ctx, outlet) -> div(outlet));
    static final Level<NoParams> HOME = Level.page(Route.of("/"), "Home", ctx -> h1(text("Home")));
    static final Level<TeamParams> TEAM = Level.layout(Route.of("/teams/:team", TeamParams.class), (ctx, outlet) -> div(outlet));
    static final Level<TeamParams> TEAM_HOME = Level.page(Route.of("/teams/:team", TeamParams.class), "Team", ctx -> p(text("team")));
    static final Level<MemberParams> MEMBER = Level.page(Route.of("/teams/:team/members/:member", MemberParams.class), "Member", ctx -> p(text("m")));
    static final Level<NoParams> NEW_TEAM = Level.page(Route.of("/teams/new"), "New team", ctx -> p(text("new")));

    static final RouteTree TREE = RouteTree.builder()
            .layout(ROOT, root -> root
                    .page(HOME)
                    .page(NEW_TEAM)
                    .layout(TEAM, team -> team.page(TEAM_HOME).page(MEMBER)))
            .redirect("/old-teams/:team", "/teams", 301)
            .redirect("/squads/:team/:page?", "/teams/:team/:page??from=squads", 308)
            .redirect("/files/*path", "/docs/*path", 301)
            .build();

    private static RouteTree.Resolution.Chain chain(String rawPath) {
        return (RouteTree.Resolution.Chain) TREE.resolve(rawPath).orElseThrow();
    }

    @Test
    void aUrlYieldsItsMatchedLevelsOutermostFirst() {
        assertThat(chain("/teams/red/members/7").levels()).containsExactly(ROOT, TEAM, MEMBER);
        assertThat(chain("/teams/red/members/7").pathParams()).isEqualTo(Map.of("team", "red", "member", "7"));
        assertThat(chain("/teams/red").levels()).containsExactly(ROOT, TEAM, TEAM_HOME);
        assertThat(chain("/").levels()).containsExactly(ROOT, HOME);
    }

    @Test
    void theMostSpecificPageWinsWhateverTheDeclarationOrder() {
        assertThat(chain("/teams/new").levels()).containsExactly(ROOT, NEW_TEAM);
    }

    @Test
    void aUrlNoPatternMatchesIsNotTheTrees() {
        assertThat(TREE.resolve("/teams/red/unknown")).isEmpty();
        assertThat(TREE.resolve("/teams/../etc")).isEmpty();
        assertThat(TREE.handlerFor("/nothing/here")).isEmpty();
    }

    @Test
    void aRedirectIsAResolutionWithItsStatus() {
        assertThat(TREE.resolve("/old-teams/red")).contains(new RouteTree.Resolution.Redirect("/teams", 301));
    }

    @Test
    void aRedirectFillsTheParamsItsTargetNamesPercentEncodedAgain() {
        assertThat(TREE.resolve("/squads/red%20sox/2")).contains(new RouteTree.Resolution.Redirect("/teams/red%20sox/2?from=squads", 308));
        assertThat(TREE.resolve("/squads/blue")).contains(new RouteTree.Resolution.Redirect("/teams/blue?from=squads", 308));
        assertThat(TREE.resolve("/files/a/%2F%2Fevil.example/d"))   // a catch-all is its segments joined with /: still this site
                .contains(new RouteTree.Resolution.Redirect("/docs/a/evil.example/d", 301));
        assertThat(TREE.resolve("/files/a/b%C3%A9/d")).contains(new RouteTree.Resolution.Redirect("/docs/a/b%C3%A9/d", 301));
    }

    @Test
    void aRedirectTargetNamingAParamItsPatternMayNotCaptureIsRefused() {
        assertThatThrownBy(() -> RouteTree.builder().redirect("/people/:id", "/users/:name", 301))
                .hasMessageContaining("names :name, which /people/:id does not capture");
        assertThatThrownBy(() -> RouteTree.builder().redirect("/people/:id?", "/users/:id", 301))
                .hasMessageContaining("may not capture: make it optional in the target (id?)");
        assertThatThrownBy(() -> RouteTree.builder().redirect("/files/*path", "/docs/:path", 301))
                .hasMessageContaining("puts the catch-all path (several segments) in one segment");
    }

    @Test
    void aPageOutsideItsLayoutsPatternIsRefused() {
        assertThatThrownBy(() -> RouteTree.builder().layout(TEAM, team -> team.page(HOME)))
                .hasMessage("Page[/] is inside layout /teams/:team, so its pattern must start with /teams/:team");
    }

    @Test
    void aLayoutWithOptionalOrCatchAllSegmentsIsRefused() {
        Level<DocsParams> docs = Level.layout(Route.of("/docs/*rest?", DocsParams.class), (ctx, outlet) -> div(outlet));
        assertThatThrownBy(() -> RouteTree.builder().layout(docs, d -> d.page(HOME)))
                .hasMessage("layout /docs/*rest? may only have static and :param segments (its children add the rest)");
    }

    public record DocsParams(java.util.Optional<String> rest) {
    }

    @Test
    void twoPagesMatchingTheSameUrlsAreRefused() {
        assertThatThrownBy(() -> RouteTree.builder().page(HOME).page(Level.page(Route.of("/"), "Again", ctx -> p(text("again")))).build())
                .hasMessageContaining("match the same URLs");
    }

    @Test
    void aLayoutWithoutPagesIsRefused() {
        assertThatThrownBy(() -> RouteTree.builder().layout(TEAM, team -> { }))
                .hasMessage("layout /teams/:team has no pages");
    }

    @Test
    void theTreeListsItsPatternsInTheOrderTheyAreTried() {
        assertThat(TREE.patterns()).extracting(PathPattern::source)
                .containsSubsequence("/teams/new", "/teams/:team/members/:member", "/teams/:team");
    }

    @Test
    void anAetherWebTakesOneRouteTree() {
        var builder = dev.aether.web.AetherWeb.builder().routes(TREE);
        assertThatThrownBy(() -> builder.routes(TREE)).hasMessageContaining("routes(...) is given once");
    }

    @Test
    void aRedirectsStatusMustBeARedirectStatus() {
        assertThatThrownBy(() -> RouteTree.builder().redirect("/a", "/b", 200)).hasMessageContaining("301, 302, 307 or 308");
        assertThatThrownBy(() -> RouteTree.builder().redirect("/a", "https://elsewhere.example", 301)).hasMessageContaining("a path on this site");
    }
}
