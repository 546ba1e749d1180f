package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static dev.aether.web.router.RunningSite.readToEnd;
import static dev.aether.web.router.RunningSite.readUntil;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.testing.CapturedLog;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Loading views and named outlets over plain HTTP against a real Titan: a level with a loading
 * view does not hold the page back, and a layout places what its matched child puts in its
 * named outlets.
 */
class RouteLevelsServerTest {
    @RegisterExtension
    final CapturedLog treeLog = CapturedLog.of(RouteTree.class);

    static final AtomicReference<CountDownLatch> statsGate = new AtomicReference<>(new CountDownLatch(1));

    static final Loader<NoParams, String> ACCOUNT = Loader.of("account", args -> "Ada");
    static final Loader<NoParams, String> STATS = Loader.of("stats", args -> {
        statsGate.get().await();   // a slow statistics service
        return "42 orders";
    });
    static final Loader<NoParams, String> DETAIL = Loader.of("detail", args -> "the detail");
    static final Loader<NoParams, String> BROKEN_STATS = Loader.of("broken-stats", args -> {
        throw new IllegalStateException("stats are down");
    });
    static final Loader<NoParams, Deferred<String>> CHART = Loader.of("chart", args -> args.defer("chart", () -> {
        statsGate.get().await();
        return "a chart";
    }));

    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        RouteTree tree = RouteTree.builder()
                .layout(Level.layout(Route.of("/"), (ctx, outlet) -> div(
                                        header(attr("id", "account"), text("Signed in as " + ctx.data(ACCOUNT))),
                                        aside(attr("id", "sidebar"), ctx.outlet("sidebar")),
                                        main(outlet)))
                                .loader(ACCOUNT),
                        site -> site
                                .page(Level.page(Route.of("/guide"), "Guide", ctx -> h1(text("The guide")))
                                        .fills("sidebar", ctx -> ul(attr("id", "toc"), li(text("Chapter 1")), li(text("Chapter 2")))))
                                .page(Level.page(Route.of("/plain"), "Plain", ctx -> h1(text("No sidebar here"))))
                                .layout(Level.layout(Route.of("/stats"), (ctx, outlet) -> section(attr("id", "stats"), text(ctx.data(STATS)), outlet))
                                                .loader(STATS)
                                                .loading(ctx -> p(attr("id", "stats-loading"), text("Loading statistics for " + ctx.data(ACCOUNT))))
                                                .fills("sidebar", ctx -> p(attr("id", "stats-nav"), text("Stats navigation"))),
                                        stats -> stats
                                                .page(Level.page(Route.of("/stats/detail"), "Detail", ctx ->
                                                        p(attr("id", "detail"), text(ctx.data(DETAIL) + " of " + ctx.data(STATS)))).loader(DETAIL))
                                                .page(Level.page(Route.of("/stats/broken"), "Broken", ctx -> p(text("never shown")))
                                                        .loader(BROKEN_STATS)
                                                        .errorBoundary(error -> p(attr("id", "broken"), text("These stats failed")))))
                                .layout(Level.layout(Route.of("/charts"), (ctx, outlet) -> section(outlet)).loader(CHART),
                                        charts -> charts
                                                .page(Level.page(Route.of("/charts/sales"), "Sales", ctx -> div(
                                                                h1(text("Sales")),
                                                                ctx.await(ctx.data(CHART), chart -> p(attr("id", "chart"), text(chart)))))
                                                        .loading(ctx -> p(attr("id", "chart-loading"), text("Drawing"))))))
                .build();
        site = RunningSite.of(tree);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aLayoutShowsWhatItsMatchedChildPutsInANamedOutlet() throws Exception {
        String page = get("/guide");

        assertThat(page).contains("<aside id=\"sidebar\"><ul id=\"toc\"><li>Chapter 1</li><li>Chapter 2</li></ul></aside>")
                .contains("<main><h1>The guide</h1></main>");
    }

    @Test
    void aNamedOutletTheChildDoesNotFillIsEmpty() throws Exception {
        assertThat(get("/plain")).contains("<aside id=\"sidebar\"></aside>").contains("<main><h1>No sidebar here</h1></main>");
    }

    @Test
    void aLevelWithALoadingViewShowsItAtOnceAndStreamsItsContentInTheSameResponse() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        statsGate.set(gate);
        try (InputStream body = site.stream("/stats/detail")) {
            String shell = readUntil(body, "Loading statistics");
            // The levels above are not held back (they have their data), the slow level is its loading view.
            assertThat(shell).contains("Signed in as Ada").contains("<p id=\"stats-loading\">Loading statistics for Ada</p>")
                    .doesNotContain("42 orders");

            gate.countDown();
            assertThat(withoutRegions(readToEnd(body))).contains("<section id=\"stats\">42 orders<p id=\"detail\">the detail of 42 orders</p></section>")
                    .endsWith("</body></html>");
        }
    }

    @Test
    void aStreamedLevelsFailureShowsTheNearestBoundaryInsideIt() throws Exception {
        statsGate.get().countDown();

        String page = get("/stats/broken");

        assertThat(page).contains("<section id=\"stats\">42 orders<p id=\"broken\">These stats failed</p></section>");
        assertThat(treeLog.take(ch.qos.logback.classic.Level.WARN)).singleElement()
                .satisfies(logged -> assertThat(logged.getFormattedMessage()).isEqualTo("Page[/stats/broken] of /stats/broken failed; showing its error boundary"));
    }

    @Test
    void anAwaitWithoutAFallbackShowsTheLoadingViewOfItsLevel() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        statsGate.set(gate);
        try (InputStream body = site.stream("/charts/sales")) {
            String shell = readUntil(body, "Drawing");
            assertThat(shell).contains("<h1>Sales</h1>").doesNotContain("a chart");

            gate.countDown();
            assertThat(readToEnd(body)).contains("<p id=\"chart\">a chart</p>");
        }
    }

    static String get(String path) throws Exception {
        try (InputStream body = site.stream(path)) {
            return withoutRegions(readToEnd(body));
        }
    }

    /** The HTML without the markers of live regions: every outlet (named or not) is one, so that a live navigation can replace it alone. */
    static String withoutRegions(String html) {
        return html.replaceAll("<!--/?ae:s\\d+-->", "");
    }
}
