package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Loading views, deferred values and named outlets on a live navigation, over a real WebSocket:
 * the same levels a GET streams in are patched into a live page.
 */
class LiveLevelsTest {
    static final Route<NoParams> ROOT = Route.of("/");
    static final Route<NoParams> HOME = Route.of("/home");
    static final Route<NoParams> SLOW = Route.of("/slow");
    static final Route<NoParams> REVIEWS = Route.of("/reviews");
    static final Route<NoParams> ONE = Route.of("/one");
    static final Route<NoParams> TWO = Route.of("/two");

    /** Each test sets the gate its slow work waits on. */
    static final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));

    static final Loader<NoParams, String> SLOW_DATA = Loader.of("slow", args -> {
        assertThat(gate.get().await(30, TimeUnit.SECONDS)).isTrue();
        return "slow data";
    });
    static final Loader<NoParams, Deferred<String>> REVIEWS_DATA = Loader.of("reviews", args -> args.defer("reviews", () -> {
        assertThat(gate.get().await(30, TimeUnit.SECONDS)).isTrue();
        return "five stars";
    }));

    static RouteTree tree;
    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        tree = RouteTree.builder()
                .layout(Level.layout(ROOT, (ctx, outlet) -> div(nav(text("site nav")), aside(attr("id", "side"), ctx.outlet("side")), main(outlet))),
                        site -> site
                                .page(Level.page(HOME, "Home", ctx -> p(attr("id", "home"), text("home"))))
                                .page(Level.page(SLOW, "Slow", ctx -> p(attr("id", "content"), text(ctx.data(SLOW_DATA))))
                                        .loader(SLOW_DATA)
                                        .loading(ctx -> p(attr("id", "loading"), text("Loading the slow page")))
                                        .fills("side", ctx -> p(text("side of " + ctx.data(SLOW_DATA)))))
                                .page(Level.page(REVIEWS, "Reviews", ctx -> div(h1(text("Reviews")),
                                                ctx.await(REVIEWS_DATA, r -> p(attr("id", "reviews"), text(r)), () -> p(text("Loading reviews")))))
                                        .loader(REVIEWS_DATA))
                                .page(Level.page(ONE, "One", ctx -> p(text("page one"))).fills("side", ctx -> p(text("side of one"))))
                                .page(Level.page(TWO, "Two", ctx -> p(text("page two"))).fills("side", ctx -> p(text("side of two")))))
                .build();
        site = RunningSite.of(tree);
    }

    @AfterAll
    static void stop() {
        gate.get().countDown();
        site.close();
    }

    @Test
    void aLiveNavigationToALevelWithALoadingViewPatchesTheLoadingViewAtOnceThenTheLevel() throws Exception {
        CountDownLatch slow = new CountDownLatch(1);
        gate.set(slow);
        tree.loaderCache().invalidate(SLOW_DATA);   // a navigation would otherwise paint it from the cache
        try (LiveChannel page = site.live("/home")) {
            // the answer comes while the loader still waits: the navigation did not wait for it
            List<JsonNode> first = page.navigate("push", "/slow");
            assertThat(first.toString()).contains("Loading the slow page").doesNotContain("slow data").doesNotContain("site nav");
            assertThat(page.answerIn(first).get("u").asText()).isEqualTo("/slow");

            slow.countDown();
            // the level, then what it fills in the layout's named outlet (rendered once the level is in)
            List<JsonNode> then = page.until(p -> p.toString().contains("side of slow data"));
            assertThat(then.toString()).contains("<p id=\\\"content\\\">slow data</p>").doesNotContain("site nav");
        } finally {
            slow.countDown();
        }
    }

    @Test
    void aNavigationWhoseStreamedLoadersAreAllCachedPaintsTheLevelWithoutItsLoadingView() throws Exception {
        gate.set(new CountDownLatch(0));
        tree.loaderCache().invalidate(SLOW_DATA);
        try (LiveChannel page = site.live("/home")) {
            page.prefetch("/slow");
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (tree.loaderCache().get(SLOW_DATA, NoParams.NONE, java.util.Optional.empty()).isEmpty()) {
                assertThat(System.nanoTime()).as("prefetched within 10 s").isLessThan(until);
                Thread.sleep(10);
            }

            List<JsonNode> patches = page.navigate("push", "/slow");
            assertThat(patches.toString()).contains("slow data").doesNotContain("Loading the slow page");
        } finally {
            tree.loaderCache().invalidate(SLOW_DATA);
        }
    }

    @Test
    void onAGetALevelBehindItsLoadingViewFillsItsNamedOutletOnceItIsIn() throws Exception {
        gate.set(new CountDownLatch(0));
        try (LiveChannel page = site.live("/slow")) {
            // the level is in the shell or a chunk (as fast as its loader); its fill, placed before it in the page, is a chunk either way
            assertThat(page.html.replaceAll("<!--/?ae:[sb]\\d+-->", "")).contains("<p id=\"content\">slow data</p>")
                    .containsPattern("<template data-ae-chunk=\"\\d+\"><p>side of slow data</p></template>");
        }
    }

    @Test
    void aDeferredValueOfANewlyNavigatedPagePatchesInWhenReady() throws Exception {
        CountDownLatch reviews = new CountDownLatch(1);
        gate.set(reviews);
        try (LiveChannel page = site.live("/home")) {
            List<JsonNode> first = page.navigate("push", "/reviews");
            assertThat(first.toString()).contains("<h1>Reviews</h1>").contains("Loading reviews").doesNotContain("five stars");

            reviews.countDown();
            List<JsonNode> then = page.until(p -> p.toString().contains("five stars"));
            assertThat(then.getLast().toString()).contains("<p id=\\\"reviews\\\">five stars</p>");
        } finally {
            reviews.countDown();
        }
    }

    @Test
    void aNamedOutletFollowsTheChildOnALiveNavigation() throws Exception {
        try (LiveChannel page = site.live("/one")) {
            assertThat(page.html).contains("side of one");

            List<JsonNode> patches = page.navigate("push", "/two");
            assertThat(patches.toString()).contains("side of two").contains("page two").doesNotContain("site nav");

            List<JsonNode> back = page.navigate("push", "/home");
            assertThat(back.toString()).as("the home page fills nothing").doesNotContain("side of").contains("home");
        }
    }
}
