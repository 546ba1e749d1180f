package dev.aether.web.browser;

import static dev.aether.web.browser.LivePages.connected;
import static dev.aether.web.browser.LivePages.js;
import static dev.aether.web.browser.LivePages.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Live pages in a real Chromium: clicks, keyed lists, typing races, server push, streaming, reconnects, restarts. */
@BrowserTest
class LivePagesBrowserTest {
    private static LiveFixture live;

    @BeforeAll
    static void serve() {
        live = LiveFixture.start();
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    @Test
    void clicksRunTheJavaHandlerAndPatchTheCount(WebDriver browser) {
        open(browser, live.url("/counter"));
        WebElement inc = browser.findElement(By.id("inc"));
        for (int i = 0; i < 5; i++) {
            inc.click();
        }
        Waits.text(browser, By.id("count"), "5");
    }

    @Test
    void anInjectedInlineScriptDoesNotRunWhileTheRuntimeWithItsNonceDoes(WebDriver browser) {
        open(browser, live.url("/injected"));
        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "1");
        assertThat(js(browser, "return typeof window.__injected")).as("blocked by the page's CSP").isEqualTo("undefined");
    }

    @Test
    void inlineStylesStillApplyUnderThePagesPolicyAndTheLiveChannelConnects(WebDriver browser) {
        open(browser, live.url("/styled"));   // open() waits until the live channel (same origin) is connected
        assertThat(js(browser, "return getComputedStyle(document.getElementById('by-sheet')).color")).isEqualTo("rgb(4, 5, 6)");
        assertThat(js(browser, "return getComputedStyle(document.getElementById('by-attribute')).color")).isEqualTo("rgb(1, 2, 3)");
    }

    @Test
    void aFormInjectedIntoThePageCannotPostToAnotherSite(WebDriver browser) {
        open(browser, live.url("/styled"));
        js(browser, "window.__violations = []; document.addEventListener('securitypolicyviolation', "
                + "e => window.__violations.push(e.violatedDirective)); document.getElementById('elsewhere').submit()");
        Waits.until(browser, "the post to be refused by the page's policy", d -> ((List<?>) js(d, "return window.__violations")).contains("form-action"));
        assertThat(browser.getCurrentUrl()).isEqualTo(live.url("/styled"));
    }

    @Test
    void aReorderedKeyedListKeepsTheDomNodesOfItsRows(WebDriver browser) {
        open(browser, live.url("/list"));
        js(browser, "document.querySelectorAll('#rows li').forEach(li => li.__marker = 'kept-' + li.dataset.key)");

        browser.findElement(By.id("reverse")).click();
        Waits.until(browser, "the rows reversed", d -> keys(d).equals(List.of("e", "d", "c", "b", "a")));
        assertThat(markers(browser)).containsExactly("kept-e", "kept-d", "kept-c", "kept-b", "kept-a");

        browser.findElement(By.id("remove-c")).click();
        browser.findElement(By.id("insert-x")).click();
        Waits.until(browser, "c removed and x inserted", d -> keys(d).equals(List.of("e", "x", "d", "b", "a")));
        assertThat(markers(browser)).containsExactly("kept-e", null, "kept-d", "kept-b", "kept-a");
    }

    @SuppressWarnings("unchecked")
    private static List<String> keys(WebDriver browser) {
        return (List<String>) js(browser, "return [...document.querySelectorAll('#rows li')].map(li => li.dataset.key)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> markers(WebDriver browser) {
        return (List<String>) js(browser, "return [...document.querySelectorAll('#rows li')].map(li => li.__marker || null)");
    }

    @Test
    void fastTypingIntoASlowHandlerLosesNoKeystroke(WebDriver browser) {
        open(browser, live.url("/typing"));
        String typed = "the quick brown fox jumps over the lazy dog";
        WebElement box = browser.findElement(By.id("box"));
        box.sendKeys(typed);   // about 43 events; each handler takes 120 ms, so echoes lag seconds behind

        Waits.until(browser, Duration.ofSeconds(20), "the server to catch up", d -> typed.equals(d.findElement(By.id("echo")).getText()));
        assertThat(box.getAttribute("value")).isEqualTo(typed);
        box.sendKeys("!");
        Waits.until(browser, "the last keystroke echoed", d -> (typed + "!").equals(d.findElement(By.id("echo")).getText()));
        assertThat(box.getAttribute("value")).isEqualTo(typed + "!");
    }

    @Test
    void aSignalChangedOnTheServerUpdatesTheOpenPage(WebDriver browser) {
        open(browser, live.url("/push"));
        Waits.text(browser, By.id("headline"), "first");

        live.headline.set("pushed from the server");

        Waits.text(browser, By.id("headline"), "pushed from the server");
    }

    @Test
    void suspenseShowsTheFallbackThenStreamsTheContentInPlace(WebDriver browser) {
        browser.get(live.url("/slow"));   // returns after the load event: the chunk has arrived by then
        Waits.text(browser, By.id("content"), "resolved");
        assertThat(browser.findElements(By.id("loading"))).isEmpty();
        connected(browser);
    }

    @Test
    void eventsDuringADroppedConnectionAreDeliveredInOrderAfterResume(WebDriver browser) {
        open(browser, live.url("/counter"));
        WebElement inc = browser.findElement(By.id("inc"));
        inc.click();
        inc.click();
        Waits.text(browser, By.id("count"), "2");

        js(browser, "Aether.drop(1500)");
        Waits.until(browser, "the page to show it is disconnected",
                d -> (Boolean) js(d, "return document.documentElement.classList.contains('ae-disconnected')"));
        inc.click();
        inc.click();
        inc.click();
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("2");

        connected(browser);
        Waits.text(browser, By.id("count"), "5");
        Waits.pause(500);    // nothing is applied twice
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("5");
    }

    @Test
    void afterAServerRestartThePageRendersAgainWithWhatWasTyped(WebDriver browser) {
        open(browser, live.url("/note"));
        browser.findElement(By.id("note")).sendKeys("remember me");
        Waits.text(browser, By.id("saved"), "remember me");
        js(browser, "window.__before = 'old page'");

        live.restart();

        Waits.until(browser, Duration.ofSeconds(20), "the page to be rendered again", d -> js(d, "return window.__before") == null);
        connected(browser);
        Waits.text(browser, By.id("saved"), "remember me");   // the new session got the restored value
        assertThat(browser.findElement(By.id("note")).getAttribute("value")).isEqualTo("remember me");
    }
}
