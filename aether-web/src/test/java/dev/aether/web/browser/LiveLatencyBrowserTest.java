package dev.aether.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The live runtime on a slow network and through outages longer than the grace period: every
 * page is opened through a {@link DelayingProxy}, so each byte is late by the one-way delay and
 * the test can cut the network.
 */
@BrowserTest
class LiveLatencyBrowserTest {
    private static final Duration LONG = Duration.ofSeconds(20);
    private static LiveFixture live;
    private DelayingProxy network;

    @BeforeAll
    static void serve() {
        live = LiveFixture.start(Duration.ofSeconds(1));
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    @AfterEach
    void closeNetwork() {
        if (network != null) {
            network.close();
        }
    }

    private String through(Duration oneWayDelay, String path) {
        network = DelayingProxy.to(live.port(), oneWayDelay);
        return network.url(path);
    }

    @Test
    void fastTodoAddsOnASlowNetworkKeepEachTitleApartAndTheFieldKeepsOnlyWhatWasTypedAfter(WebDriver browser) {
        live.todos.set(List.of());
        LivePages.open(browser, through(Duration.ofMillis(300), "/todos"));

        // all typed within a few milliseconds: each submit's answer arrives 600 ms later
        browser.findElement(By.id("title")).sendKeys("first", Keys.ENTER, "second", Keys.ENTER, "third");

        Waits.until(browser, LONG, "the todos first and second", d -> items(d).equals(List.of("first", "second")));
        Waits.until(browser, LONG, "the field to hold only \"third\"", d -> "third".equals(value(d, "title")));
        Waits.pause(1500);   // every answer is in: nothing changes any more
        assertThat(items(browser)).containsExactly("first", "second");
        assertThat(value(browser, "title")).isEqualTo("third");
    }

    @Test
    void clicksMadeDuringAnOutageLongerThanTheGracePeriodAreSentToTheNewSession(WebDriver browser) {
        LivePages.open(browser, through(Duration.ofMillis(100), "/counter"));
        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "1");

        outage(browser, () -> {
            for (int i = 0; i < 3; i++) {
                browser.findElement(By.id("inc")).click();
            }
        });

        Waits.until(browser, LONG, "the three clicks counted on the new page", d -> "3".equals(d.findElement(By.id("count")).getText()));
        assertThat(browser.findElements(By.className("ae-notice"))).isEmpty();
    }

    @Test
    void aTodoSubmittedDuringAnOutageLongerThanTheGracePeriodIsAddedAfterTheReload(WebDriver browser) {
        live.todos.set(List.of());
        LivePages.open(browser, through(Duration.ofMillis(100), "/todos"));

        outage(browser, () -> browser.findElement(By.id("title")).sendKeys("written offline", Keys.ENTER));

        Waits.until(browser, LONG, "the todo added", d -> items(d).equals(List.of("written offline")));
        Waits.until(browser, "the field cleared by the answer", d -> "".equals(value(d, "title")));
    }

    @Test
    void aClickThatCannotBeReplayedIsReportedInAVisibleNotice(WebDriver browser) {
        live.edition.set(1);
        LivePages.open(browser, through(Duration.ofMillis(100), "/vote"));

        outage(browser, () -> {
            browser.findElement(By.id("vote")).click();
            live.edition.set(2);   // the new page's button is another one: the click is not sent to it
        });

        WebElement notice = Waits.visible(browser, By.className("ae-notice"));
        assertThat(notice.getText()).contains("Vote (edition 1)");
        assertThat(browser.findElement(By.id("votes")).getText()).isEqualTo("0");
    }

    @Test
    void focusAndCaretComeBackAfterTheReloadSoTypingGoesOn(WebDriver browser) {
        LivePages.open(browser, through(Duration.ofMillis(100), "/note"));
        WebElement note = browser.findElement(By.id("note"));
        note.sendKeys("hello");
        LivePages.js(browser, "document.getElementById('note').setSelectionRange(2, 2)");

        outage(browser, () -> { });

        browser.switchTo().activeElement().sendKeys("XY");
        Waits.until(browser, "the keys typed at the caret", d -> "heXYllo".equals(value(d, "note")));
    }

    @Test
    void focusAndCaretComeBackAfterAServerRestart(WebDriver browser) {
        LivePages.open(browser, through(Duration.ofMillis(100), "/note"));
        browser.findElement(By.id("note")).sendKeys("abc");
        LivePages.js(browser, "document.getElementById('note').setSelectionRange(1, 1); window.__before = 'old page'");

        live.restart();

        Waits.until(browser, LONG, "the page to be rendered again", d -> LivePages.js(d, "return window.__before") == null);
        browser.switchTo().activeElement().sendKeys("Z");
        Waits.until(browser, "the key typed at the caret", d -> "aZbc".equals(value(d, "note")));
    }

    @Test
    void inputsRestoredAfterAServerRestartDoNotCountAsEditsOfUntouchedFields(WebDriver browser) {
        LivePages.open(browser, through(Duration.ofMillis(100), "/form"));
        browser.findElement(By.id("name")).sendKeys("Ada");   // still focused: no change event yet
        Waits.text(browser, By.id("name-echo"), "Ada");
        LivePages.js(browser, "window.__before = 'old page'");

        live.restart();

        Waits.until(browser, LONG, "the page to be rendered again", d -> LivePages.js(d, "return window.__before") == null);
        LivePages.connected(browser);
        Waits.text(browser, By.id("name-echo"), "Ada");   // the restored value reached the new session
        LivePages.js(browser, "document.getElementById('ping').click()");   // events run in order: after this one's answer,
        Waits.text(browser, By.id("pings"), "1");                         // any change event sent before it has run too
        assertThat(browser.findElements(By.id("email-error"))).isEmpty();
        assertThat(value(browser, "name")).isEqualTo("Ada");
    }

    /**
     * Cuts the network, runs {@code offline} (what the user does meanwhile), waits until the
     * server has ended the session, and brings the network back: the page reloads.
     */
    private void outage(WebDriver browser, Runnable offline) {
        LivePages.js(browser, "window.__before = 'old page'");
        network.offline(true);
        network.cut();
        Waits.until(browser, "the page to see the network gone", d -> "disconnected".equals(LivePages.js(d, "return Aether.status()")));
        offline.run();
        Waits.until(browser, LONG, "the server to end the session", d -> live.liveSessions() == 0);
        network.offline(false);
        Waits.until(browser, LONG, "the page to be rendered again", d -> LivePages.js(d, "return window.__before") == null);
        LivePages.connected(browser);
    }

    private static List<String> items(WebDriver browser) {
        return browser.findElements(By.cssSelector("#todos li")).stream().map(WebElement::getText).toList();
    }

    private static String value(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }
}
