package dev.aether.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A session lives while its tab does, and a grace period after. */
@BrowserTest
class LiveSessionLifecycleBrowserTest {
    private static LiveFixture live;

    @BeforeAll
    static void serve() {
        live = LiveFixture.start(Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    @Test
    void leavingThePageEndsItsSessionOnceTheGracePeriodHasPassed(WebDriver browser) {
        LivePages.open(browser, live.url("/counter"));
        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "1");
        assertThat(live.liveSessions()).isPositive();

        browser.get("about:blank");

        Waits.until(browser, Duration.ofSeconds(5), "the session to end", d -> live.liveSessions() == 0);
    }

    @Test
    void aConnectionBackWithinTheGracePeriodKeepsTheSession(WebDriver browser) {
        LivePages.open(browser, live.url("/counter"));
        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "1");

        LivePages.js(browser, "Aether.drop(500)");   // back after half the grace period
        LivePages.connected(browser);
        Waits.pause(1500);    // longer than the grace period: the session must still be there
        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "2");
    }

    @Test
    void aConnectionBackAfterTheGracePeriodRendersThePageAgainWithWhatWasTyped(WebDriver browser) {
        LivePages.open(browser, live.url("/note"));
        browser.findElement(By.id("note")).sendKeys("typed before the gap");
        Waits.text(browser, By.id("saved"), "typed before the gap");
        LivePages.js(browser, "window.__before = 'old page'; Aether.drop(2500)");   // offline past the 1 s grace period

        Waits.until(browser, Duration.ofSeconds(10), "the page to be rendered again", d -> LivePages.js(d, "return window.__before") == null);
        LivePages.connected(browser);
        Waits.text(browser, By.id("saved"), "typed before the gap");   // the new session has the restored value
        assertThat(browser.findElement(By.id("note")).getAttribute("value")).isEqualTo("typed before the gap");
    }
}
