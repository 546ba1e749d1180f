package dev.aether.examples.showcase.web;

import static dev.aether.web.browser.LivePages.connected;
import static dev.aether.web.browser.LivePages.js;
import static dev.aether.web.browser.LivePages.open;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.examples.showcase.ListenAddress;
import dev.aether.examples.showcase.NewUser;
import dev.aether.examples.showcase.Users;
import dev.aether.netron.client.NetronClient;
import dev.aether.examples.showcase.ShowcaseServer;
import dev.aether.titan.Titan;
import dev.aether.web.browser.BrowserTest;
import dev.aether.web.browser.Waits;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The example's live pages in Chromium: the counter, the todo list and the sign-up form. */
@BrowserTest
class ShowcasePagesBrowserTest {
    private Titan titan;

    @BeforeEach
    void start() {
        titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();
    }

    @AfterEach
    void stop() {
        titan.stop();
    }

    @Test
    void theCounterCountsClicksInItsUrlAndSharesTheEveryoneCounter(WebDriver browser) {
        open(browser, titan.httpUri() + "/counter");
        browser.findElement(By.id("everyone-inc")).click();
        Waits.text(browser, By.id("everyone"), "1");
        assertThat(browser.getCurrentUrl()).endsWith("/counter");   // live: the form did not post, the page stayed

        // the page's own count is in its URL: the step action's redirect loads the page at the next count
        browser.findElement(By.id("inc")).click();
        Waits.until(browser, "the page at count 1", d -> d.getCurrentUrl().endsWith("/counter?count=1"));
        connected(browser);
        browser.findElement(By.id("inc")).click();
        Waits.until(browser, "the page at count 2", d -> d.getCurrentUrl().endsWith("/counter?count=2"));
        connected(browser);
        browser.findElement(By.id("dec")).click();
        Waits.until(browser, "the page at count 1 again", d -> d.getCurrentUrl().endsWith("/counter?count=1"));
        Waits.text(browser, By.id("count"), "1");
        Waits.text(browser, By.id("everyone"), "1");
    }

    @Test
    void aUserCreatedElsewhereAppearsOnTheSignupsPageAsItHappens(WebDriver browser) {
        open(browser, titan.httpUri() + "/signups");
        Waits.text(browser, By.id("no-signups"), "Nobody has signed up yet.");

        // Created by another client: the users service emits user.created, the open page shows it without a reload.
        try (NetronClient remote = NetronClient.websocket(titan.webSocketUri())) {
            remote.service(Users.class).create(new NewUser("Grace Hopper", "grace.hopper@example.org"));
            remote.service(Users.class).create(new NewUser("Alan Turing", "alan.turing@example.org"));
        }
        Waits.until(browser, "both sign-ups listed, newest first", d -> d.findElements(By.cssSelector("#signups li strong")).stream()
                .map(WebElement::getText).toList().equals(List.of("Alan Turing", "Grace Hopper")));
        assertThat(browser.findElements(By.id("no-signups"))).isEmpty();
        assertThat(browser.getCurrentUrl()).endsWith("/signups");
    }

    @Test
    void todosAreAddedToggledReorderedAndRemovedInPlace(WebDriver browser) {
        open(browser, titan.httpUri() + "/todos");
        js(browser, "window.__samePage = true");
        for (String title : List.of("write", "test", "ship")) {
            browser.findElement(By.id("title")).sendKeys(title, Keys.ENTER);
            Waits.until(browser, title + " added", d -> titles(d).contains(title));
        }
        Waits.until(browser, "the input cleared after each add", d -> "".equals(d.findElement(By.id("title")).getAttribute("value")));
        assertThat(titles(browser)).containsExactly("write", "test", "ship");
        js(browser, "document.querySelectorAll('#todos li').forEach(li => li.__marker = li.dataset.id)");

        browser.findElement(By.cssSelector("#todos li[data-id='3'] button.up")).click();
        Waits.until(browser, "ship moved up", d -> titles(d).equals(List.of("write", "ship", "test")));
        browser.findElement(By.cssSelector("#todos li[data-id='1'] button.toggle")).click();
        Waits.until(browser, "write done", d -> d.findElement(By.cssSelector("#todos li[data-id='1']")).getAttribute("class").contains("done"));
        Waits.text(browser, By.id("summary"), "2 to do, 1 done");   // the page's loader ran again after the action, in place
        browser.findElement(By.cssSelector("#todos li[data-id='2'] button.remove")).click();
        Waits.until(browser, "test removed", d -> titles(d).equals(List.of("write", "ship")));
        Waits.text(browser, By.id("summary"), "1 to do, 1 done");
        assertThat(js(browser, "return window.__samePage === true")).as("no reload: every action went over the live channel").isEqualTo(true);

        // the moved row is the same DOM node; only the toggled one was rendered again
        assertThat(js(browser, "return [...document.querySelectorAll('#todos li')].map(li => li.__marker || null)"))
                .isEqualTo(java.util.Arrays.asList(null, "3"));
        assertThat(browser.findElements(By.id("empty"))).isEmpty();
    }

    @Test
    void theStocksTableFiltersItsTemplateRowsAsYouType(WebDriver browser) {
        open(browser, titan.httpUri() + "/stocks");
        assertThat(symbols(browser)).hasSize(10).startsWith("AAPL", "AMZN");
        js(browser, "document.querySelectorAll('#quotes tbody tr').forEach(tr => tr.__marker = tr.dataset.symbol)");
        browser.findElement(By.id("q")).sendKeys("corp");
        Waits.until(browser, "only the corporations", d -> symbols(d).equals(List.of("INTC", "MSFT", "NVDA", "ORCL")));
        // the rows that stayed are the same DOM nodes: the filter removed the others around them
        assertThat(js(browser, "return [...document.querySelectorAll('#quotes tbody tr')].map(tr => tr.__marker)"))
                .isEqualTo(List.of("INTC", "MSFT", "NVDA", "ORCL"));
        assertThat(browser.findElement(By.cssSelector("tr[data-symbol='INTC']")).getAttribute("class")).isEqualTo("down");
        browser.findElement(By.id("q")).sendKeys("zzz");
        Waits.text(browser, By.id("none"), "No quote matches.");
        assertThat(browser.getCurrentUrl()).endsWith("/stocks");   // live: the form did not submit
    }

    @Test
    void stockPricesHaveTwoDecimalsAndChangesASignAndTheirColour(WebDriver browser) {
        open(browser, titan.httpUri() + "/stocks");
        WebElement rise = browser.findElement(By.cssSelector("#quotes tr[data-symbol='ASML']"));
        WebElement fall = browser.findElement(By.cssSelector("#quotes tr[data-symbol='AMZN']"));
        assertThat(rise.findElement(By.cssSelector(".price")).getText()).isEqualTo("951.30");
        assertThat(rise.findElement(By.cssSelector(".change")).getText()).isEqualTo("+4.10");
        assertThat(fall.findElement(By.cssSelector(".change")).getText()).isEqualTo("\u22120.84");
        String green = rise.findElement(By.cssSelector(".change")).getCssValue("color");
        String red = fall.findElement(By.cssSelector(".change")).getCssValue("color");
        assertThat(green).isEqualTo("rgba(19, 122, 63, 1)");    // --up from /showcase.css
        assertThat(red).isEqualTo("rgba(179, 38, 30, 1)");      // --down
    }

    @Test
    void theConnectionBadgeSaysSomethingInEveryStateEvenBeforeTheRuntimeAttaches(WebDriver browser) {
        open(browser, titan.httpUri() + "/");
        for (String state : List.of("", "ae-connecting", "ae-connected", "ae-disconnected")) {
            String words = (String) js(browser, "document.documentElement.className = arguments[0];"
                    + "return getComputedStyle(document.querySelector('.badge'), '::after').content", state);
            assertThat(words).as("the badge with <html class=\"%s\">", state).matches("\"[a-z].+\"");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> symbols(WebDriver browser) {
        return (List<String>) js(browser, "return [...document.querySelectorAll('#quotes tbody tr')].map(tr => tr.dataset.symbol)");
    }

    @SuppressWarnings("unchecked")
    private static List<String> titles(WebDriver browser) {
        return (List<String>) js(browser, "return [...document.querySelectorAll('#todos li .title')].map(s => s.textContent)");
    }

    @Test
    void theSignupFormValidatesAsYouTypeAndWelcomes(WebDriver browser) {
        open(browser, titan.httpUri() + "/signup");
        browser.findElement(By.id("submit")).click();
        Waits.text(browser, By.id("name-error"), "Enter your name");
        Waits.text(browser, By.id("email-error"), "Enter an e-mail address like ada@example.com");

        browser.findElement(By.id("name")).sendKeys("Ada");
        Waits.gone(browser, By.id("name-error"));
        browser.findElement(By.id("email")).sendKeys("ada@example");
        Waits.text(browser, By.id("email-error"), "Enter an e-mail address like ada@example.com");
        browser.findElement(By.id("email")).sendKeys(".com");
        Waits.gone(browser, By.id("email-error"));

        browser.findElement(By.id("submit")).click();
        Waits.text(browser, By.id("welcome"), "Welcome, Ada!");
        assertThat(browser.getCurrentUrl()).endsWith("/signup?welcome=Ada");   // the action's redirect, the same live or posted
    }
}
