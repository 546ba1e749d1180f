package dev.aether.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.live.LiveTab;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * A live page belongs to the browser that loaded it: its token alone, copied elsewhere, attaches
 * nothing; and when a second connection from that same browser takes the session over (a copy of
 * the tab), the first page renders itself again instead of going quiet.
 */
@BrowserTest
class LiveTakeoverBrowserTest {
    private static LiveFixture live;
    private static WebSocketClient sockets;

    @BeforeAll
    static void serve() throws Exception {
        live = LiveFixture.start();
        sockets = new WebSocketClient();
        sockets.start();
    }

    @AfterAll
    static void stop() throws Exception {
        sockets.stop();
        live.close();
    }

    private static String token(WebDriver browser) {
        return (String) LivePages.js(browser, "return document.querySelector('script[data-session]').dataset.session");
    }

    /** The other end of the live channel, as a second tab or an attacker would open it. */
    private static LiveTab connect(String token, String liveCookie) throws Exception {
        return connect(token, liveCookie, 0);
    }

    /** The same, having applied the frames up to {@code lastSeen}. */
    private static LiveTab connect(String token, String liveCookie, long lastSeen) throws Exception {
        return LiveTab.connect(sockets, URI.create(live.url("/_aether/live?s=" + token + "&last=" + lastSeen).replace("http:", "ws:")),
                liveCookie, null);
    }

    @Test
    void aPageWhoseSessionIsTakenOverRendersItselfAgainWithWhatWasTypedAndStaysLive(WebDriver browser) throws Exception {
        LivePages.open(browser, live.url("/note"));
        // The last frame the page applied: once the page has acknowledged its frames (1 s after
        // them) the server keeps none, so a copy claiming to have applied none could not resume.
        LivePages.js(browser, "document.documentElement.addEventListener('aether:patched', e => window.__seen = e.detail.seq)");
        browser.findElement(By.id("note")).sendKeys("typed before the takeover");
        Waits.text(browser, By.id("saved"), "typed before the takeover");
        String token = token(browser);
        Cookie cookie = browser.manage().getCookieNamed("aether_live");
        assertThat(cookie.isHttpOnly()).isTrue();
        LivePages.js(browser, "window.__before = 'old page'");

        long seen = ((Number) LivePages.js(browser, "return window.__seen || 0")).longValue();
        LiveTab copy = connect(token, cookie.getValue(), seen);   // the same browser's cookie: a copy of the tab
        assertThat(copy.frames.poll(5, TimeUnit.SECONDS)).as("the copy attached").isNotNull();

        Waits.until(browser, "the page to be rendered again", d -> LivePages.js(d, "return window.__before") == null);
        LivePages.connected(browser);
        assertThat(token(browser)).as("a new session").isNotEqualTo(token);
        Waits.text(browser, By.id("saved"), "typed before the takeover");   // restored into the new session
        browser.findElement(By.id("note")).sendKeys(", and after");
        Waits.text(browser, By.id("saved"), "typed before the takeover, and after");
    }

    @Test
    void aPageRefusedAgainRightAfterRenderingItselfAgainStopsInsteadOfReloadingForever(WebDriver browser) {
        // Every session is gone before its page can attach, as for a browser that refuses the live cookie.
        try (LiveFixture expiring = LiveFixture.start(Duration.ofMillis(1))) {
            browser.get(expiring.url("/counter"));
            Waits.until(browser, "the page to give up its live channel", d -> "disconnected".equals(LivePages.js(d, "return Aether.status()")));
            LivePages.js(browser, "window.__settled = true");
            Waits.pause(1500);
            assertThat(LivePages.js(browser, "return window.__settled")).as("no reload after giving up").isEqualTo(true);
            assertThat(browser.findElement(By.id("count")).getText()).as("the page is still shown").isEqualTo("0");
        }
    }

    @Test
    void aTokenWithoutThisBrowsersCookieCannotTakeThePageOver(WebDriver browser) throws Exception {
        LivePages.open(browser, live.url("/counter"));
        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "1");
        LivePages.js(browser, "window.__before = 'same page'");

        LiveTab intruder = connect(token(browser), null);
        assertThat(intruder.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4404);
        assertThat(intruder.frames).isEmpty();

        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "2");
        assertThat(LivePages.js(browser, "return window.__before")).as("the page was neither closed nor reloaded").isEqualTo("same page");
        assertThat(LivePages.js(browser, "return Aether.status()")).isEqualTo("connected");
    }
}
