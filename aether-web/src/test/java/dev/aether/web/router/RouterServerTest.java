package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.AetherWeb;
import dev.aether.web.Page;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A route tree mounted with {@code AetherWeb.builder().routes(tree)} into a real Titan on a free
 * port: nested layouts rendered around their page, typed params, 404s, redirects, and loaders run
 * in parallel with failures shown by the nearest error boundary.
 */
class RouterServerTest {
    @RegisterExtension
    final CapturedLog log = CapturedLog.of(RouteTree.class);
    /** A page that fails without a boundary is logged by the web layer with its error id. */
    @RegisterExtension
    final CapturedLog pageLog = CapturedLog.of("dev.aether.web.live.PageHandler");

    public enum Tab { POSTS, LIKES }

    public record UserParams(long id, Optional<Tab> tab) {
    }

    static final Route<UserParams> USER = Route.of("/users/:id", UserParams.class);
    public record FileParams(String owner, String path) {
    }

    static final Route<FileParams> FILE = Route.of("/files/:owner/*path", FileParams.class);
    static final Route<NoParams> SLOW = Route.of("/dash/slow");
    static final Route<NoParams> BROKEN = Route.of("/dash/broken");

    static final Loader<NoParams, String> SLOW_A = Loader.of("slow-a", args -> {
        Thread.sleep(300);   // the loader's own work: a slow service call
        return "A";
    });
    static final Loader<NoParams, String> SLOW_B = Loader.of("slow-b", args -> {
        Thread.sleep(300);
        return "B";
    });
    static final Loader<NoParams, String> DASH_NAME = Loader.of("dash-name", args -> "Dashboard of everything");
    static final Loader<NoParams, String> FAILING = Loader.of("failing", args -> {
        throw new IllegalStateException("the stats service is down");
    });
    static final AtomicInteger dashLoads = new AtomicInteger();
    static final Loader<NoParams, Integer> DASH_LOADS = Loader.of("dash-loads", args -> dashLoads.incrementAndGet());

    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        RouteTree tree = RouteTree.builder()
                .layout(dev.aether.web.router.Level.layout(Route.of("/"), (ctx, outlet) -> div(attr("id", "shell"), nav(text("site nav")), main(outlet)))
                                .errorBoundary(error -> p(attr("id", "site-error"), text("The site failed"))),
                        site -> site
                                .page(dev.aether.web.router.Level.page(Route.of("/"), "Home", ctx -> h1(text("Home"))))
                                .page(dev.aether.web.router.Level.page(USER, "User", ctx -> h1(attr("id", "user"),
                                        text("User " + ctx.params().id() + " tab " + ctx.params().tab().map(Tab::name).orElse("none")))))
                                .layout(dev.aether.web.router.Level.layout(Route.of("/dash"), (ctx, outlet) ->
                                                        section(attr("id", "dash"), h2(text(ctx.data(DASH_NAME))), outlet))
                                                .loader(DASH_NAME).loader(DASH_LOADS)
                                                .errorBoundary(error -> p(attr("id", "dash-error"), text("Dashboard unavailable: "
                                                        + ((LoaderFailedException) error).loader()))),
                                        dash -> dash
                                                .page(dev.aether.web.router.Level.page(SLOW, "Slow", ctx ->
                                                        p(attr("id", "slow"), text(ctx.data(SLOW_A) + ctx.data(SLOW_B)))).loader(SLOW_A).loader(SLOW_B))
                                                .page(dev.aether.web.router.Level.page(BROKEN, "Broken", ctx -> p(text("never shown")))
                                                        .loader(FAILING))
                                                .page(dev.aether.web.router.Level.page(Route.of("/dash/guarded"), "Guarded", ctx -> p(text("never shown")))
                                                        .loader(FAILING)
                                                        .errorBoundary(error -> p(attr("id", "own-error"), text("This panel failed"))))))
                .page(dev.aether.web.router.Level.page(FILE, "File", ctx -> p(attr("id", "file"), text(ctx.params().owner() + " | " + ctx.params().path()))))
                .page(dev.aether.web.router.Level.page(Route.of("/bare/broken"), "Bare", ctx -> p(text("never shown"))).loader(FAILING))
                .redirect("/people/:id", "/users/1", 301)
                .build();
        AetherWeb web = AetherWeb.builder()
                .routes(tree)
                .page("/exact", request -> Page.of("Exact", () -> p(text("an exact page"))))
                .build();
        site = RunningSite.of(web);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aGetRendersTheLayoutsAroundThePageOutermostFirst() throws Exception {
        HttpResponse<String> response = site.get("/users/42?tab=likes");
        assertThat(response.statusCode()).isEqualTo(200);
        // each outlet is a live region (between its markers), so that a live navigation can replace it alone
        assertThat(response.body().replaceAll("<!--/?ae:s\\d+-->", "")).contains("<title>User</title>")
                .containsPattern("<div id=\"shell\"><nav>site nav</nav><main><h1 id=\"user\">User 42 tab LIKES</h1></main></div>");
    }

    @Test
    void aLinkBuiltFromTheRecordReachesThePageWithTheSameRecord() throws Exception {
        String url = Links.link(USER, new UserParams(7, Optional.of(Tab.POSTS)));
        assertThat(site.get(url).body()).contains("User 7 tab POSTS");
    }

    @Test
    void aValueThatDoesNotConvertIsA404NotA500() throws Exception {
        HttpResponse<String> response = site.get("/users/abc");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Not found");
        assertThat(site.get("/users/1?tab=shares").statusCode()).isEqualTo(404);
    }

    @Test
    void aUrlTheTreeDoesNotMatchGoesOnAndIsA404() throws Exception {
        assertThat(site.get("/nowhere/at/all").statusCode()).isEqualTo(404);
        assertThat(site.get("/users/1/../2").statusCode()).isIn(400, 404);
    }

    @Test
    void anExactPageBuiltWithPageStillWorksBesideTheTree() throws Exception {
        assertThat(site.get("/exact").body()).contains("an exact page");
    }

    @Test
    void aRedirectAnswersWithItsStatusAndLocation() throws Exception {
        HttpResponse<String> response = site.get("/people/9");
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/users/1");
    }

    @Test
    void aPostToARoutedPageIsMethodNotAllowed() throws Exception {
        HttpResponse<String> response = site.send(site.request("/users/1").POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("GET");
    }

    @Test
    void theLoadersOfEveryMatchedLevelRunInParallel() throws Exception {
        site.get("/dash/slow");   // warm up: the first request pays for class loading
        long start = System.nanoTime();
        HttpResponse<String> response = site.get("/dash/slow");
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        assertThat(response.body()).contains("<h2>Dashboard of everything</h2>").contains("<p id=\"slow\">AB</p>");
        assertThat(millis).as("two 300 ms loaders, one GET").isBetween(300L, 549L);
    }

    @Test
    void aFailingLoaderShowsTheNearestErrorBoundaryAndTheLevelsAboveRenderAsUsual() throws Exception {
        int loadsBefore = dashLoads.get();
        HttpResponse<String> response = site.get("/dash/broken");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<nav>site nav</nav>")
                .contains("<p id=\"dash-error\">Dashboard unavailable: failing</p>")
                .doesNotContain("never shown").doesNotContain("site-error");
        assertThat(dashLoads.get()).as("the dashboard layout's loader ran").isEqualTo(loadsBefore + 1);
        assertThat(log.take(Level.WARN)).singleElement()
                .satisfies(e -> assertThat(e.getThrowableProxy().getMessage()).contains("the stats service is down"));
    }

    @Test
    void aLevelsOwnBoundaryIsNearerThanItsLayoutsSoTheLayoutRendersWithItsData() throws Exception {
        HttpResponse<String> response = site.get("/dash/guarded");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("<h2>Dashboard of everything</h2>")
                .contains("<p id=\"own-error\">This panel failed</p>")
                .doesNotContain("dash-error").doesNotContain("never shown");
        assertThat(log.take(Level.WARN)).hasSize(1);
    }

    @Test
    void aFailureWithNoBoundaryOnTheWayUpIsA500() throws Exception {
        HttpResponse<String> response = site.get("/bare/broken");
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).doesNotContain("the stats service is down").doesNotContain("never shown");
        assertThat(pageLog.take(Level.ERROR)).singleElement()
                .satisfies(e -> assertThat(e.getThrowableProxy().getMessage()).contains("loader failing failed"));
    }

    @Test
    void escapedValuesSurviveTheRoundTripThroughJetty() throws Exception {
        FileParams params = new FileParams("Ada Lovelace & co?", "notes/ré sumé #1.txt");
        HttpResponse<String> response = site.get(Links.link(FILE, params));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<p id=\"file\">Ada Lovelace &amp; co? | notes/ré sumé #1.txt</p>");
    }
}
