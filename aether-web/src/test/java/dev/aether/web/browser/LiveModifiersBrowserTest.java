package dev.aether.web.browser;

import static dev.aether.web.browser.LivePages.js;
import static dev.aether.web.browser.LivePages.open;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

/** Event modifiers run in the browser; hostile strings sent by live patches stay inert. */
@BrowserTest
class LiveModifiersBrowserTest {
    private static LiveFixture live;

    @BeforeAll
    static void serve() {
        live = LiveFixture.start();
    }

    @AfterAll
    static void stop() {
        live.close();
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void stopPropagationKeepsTheEnclosingHandlerFromRunning(WebDriver browser) {
        open(browser, live.url("/modifiers"));
        browser.findElement(By.id("stopped")).click();
        Waits.text(browser, By.id("inner-count"), "1");
        browser.findElement(By.id("bubbling")).click();
        Waits.text(browser, By.id("inner-count"), "2");
        Waits.text(browser, By.id("outer-count"), "1");   // only the bubbling click reached the outer handler
    }

    @Test
    void debounceSendsOnlyTheLatestValueAfterAQuietPeriod(WebDriver browser) {
        open(browser, live.url("/modifiers"));
        browser.findElement(By.id("debounced")).sendKeys("debounced");
        Waits.text(browser, By.id("debounced-value"), "debounced");
        // one event for nine keystrokes; a loaded machine may pause longer than 300 ms between two of them
        assertThat(Integer.parseInt(text(browser, "debounced-count"))).isBetween(1, 3);
    }

    @Test
    void throttleSendsTheFirstAtOnceAndTheLatestAtTheEnd(WebDriver browser) {
        open(browser, live.url("/modifiers"));
        browser.findElement(By.id("throttled")).sendKeys("throttled");
        Waits.text(browser, By.id("throttled-value"), "throttled");
        int sent = Integer.parseInt(text(browser, "throttled-count"));
        assertThat(sent).isBetween(2, 6);    // the first, the last, one per 400 ms between: fewer than the 9 keystrokes
    }

    @Test
    void aKeyFilterRunsTheHandlerOnlyForThatKey(WebDriver browser) {
        open(browser, live.url("/modifiers"));
        browser.findElement(By.id("keys")).sendKeys("abc", Keys.ENTER, "d", Keys.ENTER);
        Waits.text(browser, By.id("enters"), "2");
    }

    @Test
    void hostileStringsSentAsPatchesStayInert(WebDriver browser) {
        open(browser, live.url("/hostile"));
        js(browser, "window.__xss = 0; window.alert = () => { window.__xss = 1 }");
        List<String> payloads = XssPayloads.all();
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            browser.findElement(By.id("next")).click();
            Waits.text(browser, By.id("index"), String.valueOf(i));
            assertThat(js(browser, "return document.querySelector('#as-text').textContent")).as(payload).isEqualTo(payload);
            assertThat(js(browser, "return document.querySelector('#as-text').getAttribute('title')")).as(payload).isEqualTo(payload);
            // HTML (a region) and a textarea's value normalize line breaks; escaped HTML has U+FFFD for NUL, as SSR
            String lines = payload.replace("\r\n", "\n").replace('\r', '\n');
            assertThat(js(browser, "return document.querySelector('#as-region .region').textContent")).as(payload)
                    .isEqualTo(lines.replace('\0', '\uFFFD'));
            assertThat(js(browser, "return document.querySelector('#as-textarea').value")).as(payload).isEqualTo(lines);
            assertThat((String) js(browser, "return document.querySelector('#as-link').protocol"))
                    .as(payload).isIn("http:", "https:", "about:", "mailto:", "tel:");
            assertThat(js(browser, "return document.querySelectorAll('script, iframe, object, embed, img, svg').length"))
                    .as(payload).isEqualTo(1L);   // only the runtime's own script
        }
        assertThat(js(browser, "return window.__xss")).isEqualTo(0L);
    }
}
