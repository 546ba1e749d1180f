package dev.aether.web.browser;

import static dev.aether.web.component.Components.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.router.Deferred;
import dev.aether.web.router.Level;
import dev.aether.web.router.Loader;
import dev.aether.web.router.NoParams;
import dev.aether.web.router.Route;
import dev.aether.web.router.RouteTree;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;

/**
 * Deferred loader data as a browser sees it, on a routed page served by a real Titan: on a
 * server-rendered page the value streams into the open response and replaces its fallback; on a
 * live page (an await shown after the page went live) it arrives as a patch.
 * ({@code pageLoad = NONE}: {@code driver.get} returns while the server is still streaming.)
 */
@BrowserTest(pageLoad = PageLoadStrategy.NONE)
class RouterDeferredBrowserTest {
    /** Completed by each test when its deferred value may arrive. */
    static final AtomicReference<CompletableFuture<String>> reviews = new AtomicReference<>(new CompletableFuture<>());

    static final Loader<NoParams, Deferred<String>> REVIEWS = Loader.of("reviews", args -> {
        CompletableFuture<String> arriving = reviews.get();
        return args.defer("reviews", () -> arriving.get());   // a slow service call
    });

    static Titan titan;

    @BeforeAll
    static void start() {
        RouteTree tree = RouteTree.builder()
                .page(Level.page(Route.of("/streamed"), "Streamed", ctx -> main(
                        h1(id("title"), text("Lamp")),
                        ctx.await(REVIEWS, text -> p(id("reviews"), text(text)), () -> p(id("reviews-loading"), text("Loading reviews…"))),
                        p(id("footer"), text("Free shipping")))).loader(REVIEWS))
                .page(Level.page(Route.of("/live"), "Live", ctx -> {
                    Signal<Boolean> shown = Reactive.signal(false);
                    return main(
                            button(id("show"), on("click", () -> shown.set(true)), text("Show reviews")),
                            show(shown::get, () -> ctx.await(REVIEWS, text -> p(id("reviews"), text(text)),
                                    () -> p(id("reviews-loading"), text("Loading reviews…")))));
                }).loader(REVIEWS))
                .build();
        titan = Titan.builder().port(0).mount(AetherWeb.builder().routes(tree).build()).build().start();
    }

    @AfterAll
    static void stop() {
        reviews.get().complete("released");
        titan.stop();
    }

    static String url(String path) {
        return "http://127.0.0.1:" + titan.port() + path;
    }

    @Test
    void aDeferredValueStreamsIntoAServerRenderedPageInPlaceOfItsFallback(WebDriver browser) {
        CompletableFuture<String> arriving = new CompletableFuture<>();
        reviews.set(arriving);
        try {
            browser.get(url("/streamed"));
            Waits.text(browser, By.id("reviews-loading"), "Loading reviews…");
            Waits.text(browser, By.id("footer"), "Free shipping");   // the shell after the await is there too
            assertThat(browser.findElements(By.id("reviews"))).isEmpty();

            arriving.complete("Bright and warm, 5 stars");
            Waits.text(browser, By.id("reviews"), "Bright and warm, 5 stars");
            assertThat(browser.findElements(By.id("reviews-loading"))).as("the fallback is gone").isEmpty();
            assertThat(browser.findElements(By.cssSelector("template"))).as("the chunk's template was consumed").isEmpty();
            LivePages.connected(browser);   // and the page went live after its stream ended
        } finally {
            arriving.complete("released");   // a failed test must not leave the render waiting
        }
    }

    @Test
    void aDeferredValueShownOnALivePagePatchesInWhenItArrives(WebDriver browser) {
        CompletableFuture<String> arriving = new CompletableFuture<>();
        reviews.set(arriving);
        try {
            LivePages.open(browser, url("/live"));
            browser.findElement(By.id("show")).click();
            Waits.text(browser, By.id("reviews-loading"), "Loading reviews…");

            arriving.complete("Sturdy, 4 stars");
            Waits.text(browser, By.id("reviews"), "Sturdy, 4 stars");
            assertThat(browser.findElements(By.id("reviews-loading"))).isEmpty();
        } finally {
            arriving.complete("released");
        }
    }
}
