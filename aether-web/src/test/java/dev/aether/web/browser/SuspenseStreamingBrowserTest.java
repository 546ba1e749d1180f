package dev.aether.web.browser;

import static dev.aether.reactive.Reactive.resource;
import static dev.aether.web.component.Components.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Resource;
import dev.aether.web.Page;
import dev.aether.web.component.Suspense;
import dev.aether.web.html.Node;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;

/**
 * Suspense streaming as a browser sees it: the shell with its fallbacks shows at once, and each
 * boundary's content replaces its fallback in place when its chunk arrives.
 * ({@code pageLoad = NONE}: {@code driver.get} returns at once, so the test can watch the page
 * while the server is still streaming it.)
 */
@BrowserTest(pageLoad = PageLoadStrategy.NONE)
class SuspenseStreamingBrowserTest {
    /** A page whose data arrives when the test completes {@code data}. */
    private static Page profilePage(CompletableFuture<String> data) {
        return Page.of("Profile", () -> component(() -> {
            Resource<String> name = resource(() -> data);
            return section(id("profile"),
                    h2(id("heading"), text("Profile")),
                    suspense(() -> p(id("loading"), text("Loading profile…")),
                            () -> p(id("name"), text(() -> Suspense.read(name)))),
                    p(id("footer"), text("Thanks for visiting")));
        }));
    }

    /** The ids of the children of {@code parent}, in document order. */
    private static List<String> childIds(WebDriver browser, By parent) {
        return browser.findElement(parent).findElements(By.xpath("./*")).stream().map(e -> e.getDomAttribute("id")).toList();
    }

    @Test
    void theFallbackShowsWhileTheDataIsPendingThenTheContentReplacesItInPlace(WebDriver browser) {
        CompletableFuture<String> data = new CompletableFuture<>();   // arrives when the test says so
        try (TestServer server = TestServer.pages(Map.of("/profile", request -> profilePage(data)))) {
            browser.get(server.url("/profile"));

            Waits.text(browser, By.id("loading"), "Loading profile…");
            assertThat(browser.findElements(By.id("name"))).isEmpty();
            assertThat(childIds(browser, By.id("profile"))).containsExactly("heading", "loading", "footer");

            data.complete("Ada Lovelace");
            Waits.text(browser, By.id("name"), "Ada Lovelace");
            assertThat(browser.findElements(By.id("loading"))).as("the fallback is gone").isEmpty();
            assertThat(childIds(browser, By.id("profile"))).as("the content sits where the fallback was")
                    .containsExactly("heading", "name", "footer");
            assertThat(browser.findElements(By.cssSelector("template"))).as("the chunk's template was consumed").isEmpty();
        } finally {
            data.complete("released"); // a failed test must not leave the render waiting
        }
    }

    @Test
    void boundariesResolvingOutOfOrderEachReplaceTheirOwnFallback(WebDriver browser) {
        CompletableFuture<String> orders = new CompletableFuture<>(); // arrive when the test says so, after the news
        try (TestServer server = TestServer.pages(Map.of("/dashboard", request -> dashboard(orders)))) {
            browser.get(server.url("/dashboard"));
            Waits.text(browser, By.id("orders-loading"), "Loading orders…");

            Waits.text(browser, By.id("news"), "3 new messages");
            assertThat(browser.findElements(By.id("news-loading"))).isEmpty();
            assertThat(browser.findElement(By.id("orders-loading")).getText()).as("the first boundary is still waiting")
                    .isEqualTo("Loading orders…");
            assertThat(childIds(browser, By.id("dashboard"))).containsExactly("orders-loading", "news");

            orders.complete("2 orders to ship");
            Waits.text(browser, By.id("orders"), "2 orders to ship");
            assertThat(browser.findElements(By.id("orders-loading"))).isEmpty();
            assertThat(childIds(browser, By.id("dashboard"))).as("each boundary kept its place").containsExactly("orders", "news");
        } finally {
            orders.complete("released"); // a failed test must not leave the render waiting
        }
    }

    /** Two boundaries: the orders (first in the page) wait for {@code orders}; the news arrive after 300 ms. */
    private static Page dashboard(CompletableFuture<String> orders) {
        return Page.of("Dashboard", () -> component(() -> {
            Resource<String> ordersData = resource(() -> orders);
            Resource<String> news = resource(() -> CompletableFuture.supplyAsync(() -> "3 new messages",
                    CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)));
            return main(id("dashboard"), boundary("orders", ordersData), boundary("news", news));
        }));
    }

    private static Node boundary(String name, Resource<String> data) {
        Supplier<Node> fallback = () -> p(id(name + "-loading"), text("Loading " + name + "…"));
        return suspense(fallback, () -> p(id(name), text(() -> Suspense.read(data))));
    }
}
