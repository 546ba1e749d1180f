package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A navigation to a page whose prefetch is still running waits for that prefetch instead of
 * running the loaders again: a real Titan, a real live socket, a loader held by the test.
 */
class PrefetchJoinTest {
    static final AtomicInteger loads = new AtomicInteger();
    static final AtomicReference<CountDownLatch> gate = new AtomicReference<>(new CountDownLatch(0));
    static final Loader<NoParams, String> SLOW = Loader.of("slow", args -> {
        int n = loads.incrementAndGet();
        gate.get().await();
        return "slow load " + n;
    });
    /** Fails its first call (once the test lets it go), then loads. */
    static final AtomicInteger flakyLoads = new AtomicInteger();
    static final Loader<NoParams, String> FLAKY = Loader.of("flaky", args -> {
        int n = flakyLoads.incrementAndGet();
        gate.get().await();
        if (n == 1) {
            throw new IllegalStateException("the first load fails");
        }
        return "flaky load " + n;
    });
    static RunningSite site;

    @BeforeAll
    static void start() {
        site = RunningSite.of(RouteTree.builder()
                .layout(Level.layout(Route.of("/"), (ctx, outlet) -> div(
                                span(attr("id", "state"), text(() -> ctx.navigation().get() instanceof Navigation.Loading l ? "loading " + l.location() : "idle")),
                                main(outlet))),
                        site -> site
                                .page(Level.page(Route.of("/home"), "Home", ctx -> p(text("home"))))
                                .page(Level.page(Route.of("/slow"), "Slow", ctx -> p(attr("id", "slow"), text(() -> ctx.data(SLOW)))).loader(SLOW))
                                .page(Level.page(Route.of("/flaky"), "Flaky", ctx -> p(text(() -> ctx.data(FLAKY)))).loader(FLAKY)))
                .build());
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /**
     * Prefetches {@code url} from a fresh page, whose loader {@code loads} counts and the test
     * holds; navigates there once the prefetch's loader runs; lets the loader go once the
     * navigation has started. Returns the navigation's patches, up to its answer, and the answer.
     */
    private static Navigated navigateWhilePrefetching(String url, AtomicInteger loads) throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        gate.set(held);
        try (LiveChannel page = site.live("/home")) {
            int before = loads.get();
            page.prefetch(url);
            RunningSite.waitUntil(() -> loads.get() == before + 1);   // the prefetch's loader is running, held

            page.sendNavigation("1 push " + url);
            page.until(patch -> patch.toString().contains("loading " + url));   // the navigation has started
            held.countDown();
            List<JsonNode> patches = page.untilAnswer(1);
            return new Navigated(patches, page.answerIn(patches));
        } finally {
            held.countDown();
        }
    }

    private record Navigated(List<JsonNode> patches, JsonNode answer) {
    }

    @Test
    void aNavigationWaitsForItsTargetsPrefetchStillRunningInsteadOfLoadingAgain() throws Exception {
        int before = loads.get();

        Navigated slow = navigateWhilePrefetching("/slow", loads);

        assertThat(slow.patches().toString()).contains("slow load " + (before + 1));
        assertThat(loads.get() - before).as("loader calls for the prefetch and the navigation").isEqualTo(1);
    }

    @Test
    void aNavigationWhoseJoinedPrefetchFailsRunsTheLoaderItself() throws Exception {
        Navigated flaky = navigateWhilePrefetching("/flaky", flakyLoads);

        assertThat(flaky.patches().toString()).contains("flaky load 2");
        assertThat(flaky.answer().has("f")).as("a full load").isFalse();
    }
}
