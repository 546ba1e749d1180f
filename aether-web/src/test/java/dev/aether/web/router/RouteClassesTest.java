package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.web.html.Node;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Pages and layouts written as classes, registered explicitly, nest by their {@code @InLayout}. */
class RouteClassesTest {
    public record TeamParams(String team) {
    }

    public static final class SiteLayout implements RouteLayout<NoParams> {
        public Route<NoParams> route() {
            return Route.of("/");
        }

        public Node render(RouteContext<NoParams> ctx, Node outlet) {
            return div(attr("id", "site"), outlet);
        }
    }

    @InLayout(SiteLayout.class)
    public static final class HomePage implements RoutePage<NoParams> {
        public Route<NoParams> route() {
            return Route.of("/");
        }

        public String title() {
            return "Home";
        }

        public Node render(RouteContext<NoParams> ctx) {
            return h1(text("Home"));
        }
    }

    static final Loader<TeamParams, String> TEAM_NAME = Loader.of("team-name", args -> args.params().team().toUpperCase());

    @InLayout(SiteLayout.class)
    public static final class TeamLayout implements RouteLayout<TeamParams> {
        static final Route<TeamParams> ROUTE = Route.of("/teams/:team", TeamParams.class);

        public Route<TeamParams> route() {
            return ROUTE;
        }

        public Node render(RouteContext<TeamParams> ctx, Node outlet) {
            return section(attr("id", "team"), h2(text(ctx.data(TEAM_NAME))), outlet);
        }

        public Level<TeamParams> configure(Level<TeamParams> level) {
            return level.loader(TEAM_NAME);
        }
    }

    @InLayout(TeamLayout.class)
    public static final class TeamPage implements RoutePage<TeamParams> {
        public Route<TeamParams> route() {
            return TeamLayout.ROUTE;
        }

        public String title() {
            return "Team";
        }

        public Node render(RouteContext<TeamParams> ctx) {
            return p(attr("id", "members"), text("members of " + ctx.params().team()));
        }
    }

    /** Names a layout nobody registers. */
    @InLayout(TeamLayout.class)
    public static final class OrphanPage implements RoutePage<NoParams> {
        public Route<NoParams> route() {
            return Route.of("/teams/x/orphan");
        }

        public String title() {
            return "Orphan";
        }

        public Node render(RouteContext<NoParams> ctx) {
            return p(text("orphan"));
        }
    }

    @InLayout(LoopB.class)
    public static final class LoopA implements RouteLayout<NoParams> {
        public Route<NoParams> route() {
            return Route.of("/a");
        }

        public Node render(RouteContext<NoParams> ctx, Node outlet) {
            return outlet;
        }
    }

    @InLayout(LoopA.class)
    public static final class LoopB implements RouteLayout<NoParams> {
        public Route<NoParams> route() {
            return Route.of("/a");
        }

        public Node render(RouteContext<NoParams> ctx, Node outlet) {
            return outlet;
        }
    }

    private static final SiteLayout SITE = new SiteLayout();
    private static final TeamLayout TEAM = new TeamLayout();

    private static RouteTree tree() {
        return RouteTree.builder().classes(new TeamPage(), TEAM, new HomePage(), SITE).build();
    }

    @Test
    void eachClassIsPlacedInsideTheLayoutItsAnnotationNamesWhateverTheRegistrationOrder() {
        RouteTree.Resolution.Chain chain = (RouteTree.Resolution.Chain) tree().resolve("/teams/red").orElseThrow();
        assertThat(chain.levels()).extracting(level -> level.route().pattern().toString())
                .containsExactly("/", "/teams/:team", "/teams/:team");
        assertThat(chain.levels()).extracting(Level::isLayout).containsExactly(true, true, false);
        assertThat(((RouteTree.Resolution.Chain) tree().resolve("/").orElseThrow()).levels()).hasSize(2);
    }

    @Test
    void aClassTreeServesItsPagesWithTheirLayoutsAndLoaders() throws Exception {
        try (RunningSite site = RunningSite.of(tree())) {
            HttpResponse<String> page = site.get("/teams/red");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body().replaceAll("<!--/?ae:s\\d+-->", ""))   // every outlet is a live region (between its markers)
                    .contains("<title>Team</title>")
                    .contains("<div id=\"site\"><section id=\"team\"><h2>RED</h2><p id=\"members\">members of red</p></section></div>");
        }
    }

    @Test
    void aLayoutNamedButNotRegisteredIsRefusedWhenTheTreeIsBuilt() {
        assertThatThrownBy(() -> RouteTree.builder().classes(SITE, new OrphanPage()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith("OrphanPage is @InLayout(TeamLayout.class), which is not registered: add an instance of it to classes(...)");
    }

    @Test
    void layoutsInsideEachOtherInALoopAreRefused() {
        assertThatThrownBy(() -> RouteTree.builder().classes(new LoopA(), new LoopB()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layouts in a loop: LoopA in LoopB in LoopA");
    }

    @Test
    void aClassRegisteredTwiceIsRefused() {
        assertThatThrownBy(() -> RouteTree.builder().classes(SITE, new SiteLayout()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageEndingWith("SiteLayout is registered twice");
    }

    @Test
    void anObjectThatIsNeitherAPageNorALayoutIsRefused() {
        assertThatThrownBy(() -> RouteTree.builder().classes("not a page"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("java.lang.String is neither a RoutePage nor a RouteLayout");
    }
}
