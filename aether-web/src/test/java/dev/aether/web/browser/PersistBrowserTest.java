package dev.aether.web.browser;

import static dev.aether.web.browser.LivePages.js;
import static dev.aether.web.browser.LivePages.open;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.BrowserStorage;
import dev.aether.web.Page;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A value kept in localStorage, in Chromium: after a reload the page never paints the rendered
 * value where a stored one differs, and the first frame it applies already carries the stored one.
 * A recorder installed before any page script notes, at every animation frame (just before each
 * paint), whether the page is visible and what it shows, and every frame the live socket brings.
 */
@BrowserTest
class PersistBrowserTest {
    public enum Sort { NAME, NEWEST }

    private static final String KEY = "aether:test.sort";
    /** Runs before the page's own scripts: what each painted frame showed, and the live socket's URL and messages. */
    private static final String RECORDER = """
            window.__painted = []; window.__socket = { url: null, frames: [] };
            const Real = window.WebSocket;
            window.WebSocket = function (url) {
              const socket = new Real(url);
              window.__socket.url = url;
              socket.addEventListener("message", (m) => window.__socket.frames.push(m.data));
              return socket;
            };
            window.WebSocket.OPEN = Real.OPEN;
            (function note() {
              const html = document.documentElement, sort = document.getElementById("sort");
              window.__painted.push([html ? getComputedStyle(html).visibility : "none", sort ? sort.textContent : null]);
              requestAnimationFrame(note);
            })();
            """;
    private static Titan titan;

    @BeforeAll
    static void serve() {
        AetherWeb web = AetherWeb.builder()
                .page("/prefs", request -> Page.of("Prefs", () -> {
                    Signal<Sort> sort = Reactive.signal(Sort.NAME);
                    return div(BrowserStorage.local().persist(sort, "test.sort", Sort.class),
                            p(id("sort"), text(() -> sort.get().name())),
                            button(id("newest"), on("click", () -> sort.set(Sort.NEWEST)), text("Newest first")));
                }))
                .build();
        titan = Titan.builder().port(0).mount(web).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static String url() {
        return titan.httpUri().resolve("/prefs").toString();
    }

    /** Loads the page with the recorder in place, and waits until its live channel is connected. */
    private static void reloadRecorded(WebDriver browser) {
        ChromeDriver chrome = (ChromeDriver) browser;
        Object id = chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORDER)).get("identifier");
        try {
            open(browser, url());
        } finally {
            chrome.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument", Map.of("identifier", id));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> painted(WebDriver browser) {
        return (List<List<String>>) js(browser, "return window.__painted");
    }

    private static void storeNewestFirst(WebDriver browser) {
        open(browser, url());
        js(browser, "localStorage.setItem(arguments[0], arguments[1])", KEY, "{\"v\":1,\"d\":\"NEWEST\"}");
    }

    @Test
    void afterAReloadTheRenderedValueIsNeverPaintedWhereTheStoredOneDiffers(WebDriver browser) {
        storeNewestFirst(browser);

        reloadRecorded(browser);
        Waits.text(browser, By.id("sort"), "NEWEST");
        Waits.until(browser, "a frame painted with the page shown",
                d -> Boolean.TRUE.equals(js(d, "return window.__painted.some(f => f[0] === 'visible' && f[1] !== null)")));

        List<List<String>> painted = painted(browser);
        assertThat(painted).as("frames painted while the page was visible")
                .filteredOn(frame -> frame.get(0).equals("visible") && frame.get(1) != null)
                .isNotEmpty()
                .allSatisfy(frame -> assertThat(frame.get(1)).isEqualTo("NEWEST"));
    }

    @Test
    void theFirstFrameThePageAppliesAlreadyCarriesTheStoredValue(WebDriver browser) {
        storeNewestFirst(browser);

        reloadRecorded(browser);
        Waits.text(browser, By.id("sort"), "NEWEST");

        assertThat((String) js(browser, "return window.__socket.url")).as("the live socket's URL").contains("&first=1");
        @SuppressWarnings("unchecked")
        List<String> frames = (List<String>) js(browser, "return window.__socket.frames");
        assertThat(frames).as("frames the live socket brought").isNotEmpty();
        assertThat(frames.get(0)).as("the first frame").startsWith("[1,").contains("\"NEWEST\"");
    }

    @Test
    void aFirstVisitPaintsTheRenderedValueAtOnceWithoutHiding(WebDriver browser) {
        reloadRecorded(browser);
        Waits.until(browser, "a frame painted with the value",
                d -> Boolean.TRUE.equals(js(d, "return window.__painted.some(f => f[1] !== null)")));

        List<List<String>> painted = painted(browser);
        assertThat(painted).as("frames painted").filteredOn(frame -> frame.get(1) != null).isNotEmpty()
                .allSatisfy(frame -> assertThat(frame).containsExactly("visible", "NAME"));
        assertThat((String) js(browser, "return window.__socket.url")).doesNotContain("first=");
    }

    @Test
    void aHostileStoredValueIsRefusedAndThePageShowsItsOwnValue(WebDriver browser) {
        open(browser, url());
        js(browser, "localStorage.setItem(arguments[0], arguments[1])", KEY, "{\"v\":1,\"d\":\"<img src=x onerror=window.__owned=1>\"}");

        reloadRecorded(browser);
        Waits.until(browser, "the page shown", d -> "visible".equals(js(d, "return getComputedStyle(document.documentElement).visibility")));

        assertThat(browser.findElement(By.id("sort")).getText()).isEqualTo("NAME");
        assertThat(js(browser, "return window.__owned")).isNull();
        browser.findElement(By.id("newest")).click();
        Waits.until(browser, "the good value stored over the hostile one",
                d -> "{\"v\":1,\"d\":\"NEWEST\"}".equals(js(d, "return localStorage.getItem(arguments[0])", KEY)));
    }
}
