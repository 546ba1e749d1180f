package dev.aether.examples.showcase.web;

import static dev.aether.web.browser.LivePages.connected;
import static dev.aether.web.browser.LivePages.js;
import static dev.aether.web.browser.LivePages.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.examples.showcase.DemoAuthenticator;
import dev.aether.examples.showcase.ListenAddress;
import dev.aether.examples.showcase.Prices;
import dev.aether.examples.showcase.ShowcaseServer;
import dev.aether.titan.Titan;
import dev.aether.web.browser.Browser;
import dev.aether.web.browser.BrowserTest;
import dev.aether.web.browser.Browsers;
import dev.aether.web.browser.LivePages;
import dev.aether.web.browser.Waits;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

/**
 * The team page in Chromium: two tabs of one visitor and a tab of another; a mutation shown at
 * once, confirmed or rolled back; a stream shown live and closed on the server when the page is
 * left; a preference kept in localStorage across a reload.
 */
@BrowserTest
class TeamPageBrowserTest {
    private Titan titan;

    @BeforeEach
    void start() {
        titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();
    }

    @AfterEach
    void stop() {
        titan.stop();
    }

    /** Signs {@code browser} in with a demo token (the cookie the team page reads) and opens the team page. */
    private void openTeamAs(WebDriver browser, String token) {
        browser.get(titan.httpUri() + "/showcase.css");
        browser.manage().addCookie(new Cookie(TeamPage.COOKIE, token));
        open(browser, titan.httpUri() + "/team");
        Waits.until(browser, "the team listed", d -> !d.findElements(By.id("members")).isEmpty());
    }

    private static List<String> names(WebDriver browser) {
        return browser.findElements(By.cssSelector("#members li")).stream().map(WebElement::getText).toList();
    }

    /** From now on the page notes every row it shows as pending, however briefly (a poll could miss a 300 ms row on a loaded machine). */
    private static void recordPendingRows(WebDriver browser) {
        js(browser, "window.__pending = []; const note = () => document.querySelectorAll('#members li.pending')"
                + ".forEach(li => __pending.push(li.textContent)); new MutationObserver(note)"
                + ".observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true })");
    }

    private static void add(WebDriver browser, String name) {
        browser.findElement(By.id("name")).sendKeys(name, Keys.ENTER);
    }

    @Test
    void aMemberAddedInOneTabAppearsInTheVisitorsOtherTabAndNeverInAnotherVisitorsTab(WebDriver browser) {
        try (Browser guest = Browsers.start()) {
            WebDriver other = guest.driver();
            openTeamAs(other, DemoAuthenticator.GUEST_TOKEN);
            Waits.text(other, By.id("who"), "Team of guest");
            // everything the guest's list ever shows, even for a moment
            js(other, "window.__seen = new Set(); const note = () => document.querySelectorAll('#members li')"
                    + ".forEach(li => __seen.add(li.textContent)); note(); new MutationObserver(note)"
                    + ".observe(document.body, { subtree: true, childList: true, characterData: true })");

            openTeamAs(browser, DemoAuthenticator.ADMIN_TOKEN);
            String firstTab = browser.getWindowHandle();
            browser.switchTo().newWindow(WindowType.TAB);
            open(browser, titan.httpUri() + "/team");
            Waits.text(browser, By.id("who"), "Team of admin");
            String secondTab = browser.getWindowHandle();

            browser.switchTo().window(firstTab);
            add(browser, "Grace");
            Waits.until(browser, "Grace stored in the first tab", d -> names(d).contains("Grace")
                    && d.findElements(By.cssSelector("#members li.pending")).isEmpty());

            browser.switchTo().window(secondTab);
            Waits.until(browser, "Grace in the second tab, without a reload", d -> names(d).equals(List.of("Grace")));

            assertThat(names(other)).isEmpty();
            assertThat((List<?>) js(other, "return [...__seen]")).isEmpty();
            assertThat(other.findElement(By.id("empty")).getText()).isEqualTo("Nobody yet.");
        }
    }

    @Test
    void anAddedMemberShowsAtOnceAsPendingThenStored(WebDriver browser) {
        openTeamAs(browser, DemoAuthenticator.ADMIN_TOKEN);
        recordPendingRows(browser);
        add(browser, "Ada");
        Waits.until(browser, "Ada stored", d -> !d.findElements(By.xpath("//ul[@id='members']/li[not(@class='pending') and text()='Ada']")).isEmpty());
        // the service took 300 ms to answer: the row was there, pending, before it did
        assertThat(js(browser, "return __pending.includes('Ada')")).isEqualTo(true);
        assertThat(names(browser)).containsExactly("Ada");
    }

    @Test
    void aRefusedMemberShowsAtOnceThenGoesAgainWithTheReason(WebDriver browser) {
        openTeamAs(browser, DemoAuthenticator.ADMIN_TOKEN);
        add(browser, "Ada");
        Waits.until(browser, "Ada stored", d -> names(d).equals(List.of("Ada")) && d.findElements(By.cssSelector("#members li.pending")).isEmpty());

        recordPendingRows(browser);
        add(browser, "Mallory");
        Waits.until(browser, "the reason shown", d -> d.findElement(By.id("add-error")).getText().contains("Mallory is not welcome on any team"));
        assertThat(js(browser, "return __pending.includes('Mallory')")).as("Mallory shown at once, as pending").isEqualTo(true);
        Waits.until(browser, "Mallory rolled back", d -> names(d).equals(List.of("Ada")));
    }

    @Test
    void thePriceStreamRendersLiveValuesAndIsClosedOnTheServerWhenThePageIsLeft(WebDriver browser) {
        Prices prices = titan.client().service(Prices.class);
        openTeamAs(browser, DemoAuthenticator.ADMIN_TOKEN);
        Waits.text(browser, By.id("price-status"), "connected");
        String first = Waits.until(browser, "a first price", d -> {
            String p = d.findElement(By.id("price")).getText();
            return p.matches("\\d+\\.\\d\\d") ? p : null;
        });
        Waits.until(browser, "the next ticks", d -> !d.findElement(By.id("price")).getText().equals(first));
        assertThat(prices.openFeeds()).isEqualTo(1);

        browser.get("about:blank");   // the page is left: its session ends, and the stream with it

        Waits.until(browser, Duration.ofSeconds(15), "the feed closed on the server", d -> prices.openFeeds() == 0);
    }

    @Test
    void theSortOrderChosenIsKeptInLocalStorageAcrossAReload(WebDriver browser) {
        openTeamAs(browser, DemoAuthenticator.ADMIN_TOKEN);
        for (String name : List.of("Bea", "Al", "Cy")) {
            add(browser, name);
            Waits.until(browser, name + " stored", d -> names(d).contains(name) && d.findElements(By.cssSelector("#members li.pending")).isEmpty());
        }
        assertThat(names(browser)).containsExactly("Al", "Bea", "Cy");

        browser.findElement(By.id("sort-newest")).click();
        Waits.until(browser, "newest first", d -> names(d).equals(List.of("Cy", "Al", "Bea")));
        Waits.until(browser, "the choice written to localStorage", d -> String.valueOf(js(d, "return localStorage.getItem('aether:showcase.team.sort')"))
                .equals("{\"v\":1,\"d\":\"NEWEST\"}"));

        browser.navigate().refresh();
        connected(browser);
        Waits.until(browser, "newest first again after the reload", d -> names(d).equals(List.of("Cy", "Al", "Bea")));
        assertThat(browser.findElement(By.id("sort-newest")).getAttribute("class")).contains("active");
    }

    @Test
    void theSortOrderKeptInLocalStorageIsRestoredAfterALiveNavigationToTheTeam(WebDriver browser) {
        openTeamAs(browser, DemoAuthenticator.ADMIN_TOKEN);
        for (String name : List.of("Al", "Bea")) {
            add(browser, name);
            Waits.until(browser, name + " stored", d -> names(d).contains(name) && d.findElements(By.cssSelector("#members li.pending")).isEmpty());
        }
        browser.findElement(By.id("sort-newest")).click();
        Waits.until(browser, "the choice written to localStorage", d -> String.valueOf(js(d, "return localStorage.getItem('aether:showcase.team.sort')"))
                .equals("{\"v\":1,\"d\":\"NEWEST\"}"));

        LivePages.openMarked(browser, titan.httpUri() + "/");
        browser.findElement(By.cssSelector("nav a[href='/team']")).click();

        Waits.until(browser, "newest first after the live navigation", d -> names(d).equals(List.of("Bea", "Al")));
        assertThat(LivePages.sameDocument(browser)).as("a live navigation, not a page load").isTrue();
        assertThat(browser.findElement(By.id("sort-newest")).getAttribute("class")).contains("active");
    }

    @Test
    void aHostileStoredPreferenceIsIgnoredAndThePageWorks(WebDriver browser) {
        openTeamAs(browser, DemoAuthenticator.ADMIN_TOKEN);
        js(browser, "localStorage.setItem('aether:showcase.team.sort', '{\"v\":1,\"d\":\"<img src=x onerror=window.__owned=1>\"}')");
        browser.navigate().refresh();
        connected(browser);
        add(browser, "Zed");
        Waits.until(browser, "the page still works", d -> names(d).equals(List.of("Zed")) && d.findElements(By.cssSelector("#members li.pending")).isEmpty());
        assertThat(browser.findElement(By.id("sort-name")).getAttribute("class")).as("the default order kept").contains("active");
        assertThat(js(browser, "return window.__owned")).isNull();
        browser.findElement(By.id("sort-newest")).click();
        Waits.until(browser, "the stored value replaced by a good one", d -> String.valueOf(js(d, "return localStorage.getItem('aether:showcase.team.sort')"))
                .equals("{\"v\":1,\"d\":\"NEWEST\"}"));
    }
}
