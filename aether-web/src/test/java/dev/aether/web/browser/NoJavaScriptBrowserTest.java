package dev.aether.web.browser;

import static dev.aether.reactive.Reactive.resource;
import static dev.aether.web.component.Components.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Resource;
import dev.aether.web.Page;
import dev.aether.web.component.Suspense;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Server-rendered pages work in a browser with JavaScript turned off: content, links and forms. */
@BrowserTest(javascript = false)
class NoJavaScriptBrowserTest {
    private static final List<String> posts = new CopyOnWriteArrayList<>();
    private static TestServer server;

    @BeforeAll
    static void serve() {
        server = TestServer.pages(Map.of(
                "/", request -> Page.of("Home", () -> main(
                        h1(text("Home")),
                        // test-only markup the DSL refuses on purpose: a <noscript> and a script that would rewrite the probe
                        dangerouslyUnescapedHtml("<noscript><p id=\"noscript\">JavaScript is off</p></noscript>"),
                        p(id("probe"), text("no script ran")),
                        dangerouslyUnescapedHtml("<script>document.getElementById('probe').textContent = 'a script ran'</script>"),
                        nav(a(id("about-link"), href("/about"), text("About us"))),
                        form(id("message-form"), attr("method", "post"), attr("action", "/messages"),
                                label(text("Message "), input(id("message"), name("message"), type("text"))),
                                button(id("send"), type("submit"), text("Send"))))),
                "/about", request -> Page.of("About", () -> main(h1(text("About")), p(id("about"), text("We render on the server.")))),
                "/messages", request -> {
                    posts.add(request.method() + " " + request.parameter("message"));
                    return Page.of("Message received", () -> main(
                            h1(text("Message received")),
                            p(id("posted"), text("You said: " + request.parameter("message")))));
                },
                "/slow", request -> Page.of("Slow", () -> component(() -> {
                    Resource<String> later = resource(() -> CompletableFuture.supplyAsync(() -> "streamed content",
                            CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS)));
                    return main(suspense(() -> p(id("fallback"), text("Loading…")),
                            () -> p(id("content"), text(() -> Suspense.read(later)))));
                }))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void javascriptIsReallyOff(WebDriver browser) {
        browser.get(server.url("/"));

        assertThat(browser.findElement(By.id("noscript")).isDisplayed()).as("<noscript> content is displayed").isTrue();
        assertThat(browser.findElement(By.id("probe")).getText()).isEqualTo("no script ran");
    }

    @Test
    void serverRenderedContentIsThere(WebDriver browser) {
        browser.get(server.url("/"));

        assertThat(browser.getTitle()).isEqualTo("Home");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Home");
        assertThat(browser.findElement(By.id("send")).isDisplayed()).isTrue();
    }

    @Test
    void aPlainLinkNavigatesToAnotherServerPage(WebDriver browser) {
        browser.get(server.url("/"));

        browser.findElement(By.id("about-link")).click();

        Waits.text(browser, By.id("about"), "We render on the server.");
        assertThat(browser.getCurrentUrl()).isEqualTo(server.url("/about"));
        assertThat(browser.getTitle()).isEqualTo("About");
    }

    @Test
    void aFormPostsAndTheServerAnswersWithAPageShowingThePostedValue(WebDriver browser) {
        browser.get(server.url("/"));

        browser.findElement(By.id("message")).sendKeys("Hello <b>server</b> & co");
        browser.findElement(By.id("send")).click();

        Waits.text(browser, By.id("posted"), "You said: Hello <b>server</b> & co");
        assertThat(browser.getCurrentUrl()).isEqualTo(server.url("/messages"));
        assertThat(posts).contains("POST Hello <b>server</b> & co");
    }

    @Test
    void aSuspenseFallbackStaysBecauseStreamedChunksNeedTheInlineScript(WebDriver browser) {
        browser.get(server.url("/slow")); // returns after the load event: the chunk has arrived by then

        assertThat(browser.findElement(By.id("fallback")).getText()).isEqualTo("Loading…");
        assertThat(browser.findElements(By.id("content"))).as("the resolved part stays inside its inert <template>").isEmpty();
    }
}
