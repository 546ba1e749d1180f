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

    @Test
    void aNavigationWaitsForItsTargetsPrefetchStillRunningInsteadOfLoadingAgain() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        gate.set(held);
        try (LiveChannel page = site.live("/home")) {
            int before = loads.get();
            page.prefetch("/slow");
            RunningSite.waitUntil(() -> loads.get() == before + 1);   // the prefetch's loader is running, held

            page.sendNavigation("1 push /slow");
            page.until(patch -> patch.toString().contains("loading /slow"));   // the navigation has started
            held.countDown();
            List<JsonNode> patches = page.untilAnswer(1);

            assertThat(patches.toString()).contains("slow load " + (before + 1));
            assertThat(loads.get() - before).as("loader calls for the prefetch and the navigation").isEqualTo(1);
        } finally {
            held.countDown();
        }
    }

    @Test
    void aNavigationWhoseJoinedPrefetchFailsRunsTheLoaderItself() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        gate.set(held);
        try (LiveChannel page = site.live("/home")) {
            page.prefetch("/flaky");
            RunningSite.waitUntil(() -> flakyLoads.get() == 1);

            page.sendNavigation("1 push /flaky");
            page.until(patch -> patch.toString().contains("loading /flaky"));
            held.countDown();
            List<JsonNode> patches = page.untilAnswer(1);

            assertThat(patches.toString()).contains("flaky load 2");
            assertThat(page.answerIn(patches).has("f")).as("a full load").isFalse();
        } finally {
            held.countDown();
        }
    }
}
