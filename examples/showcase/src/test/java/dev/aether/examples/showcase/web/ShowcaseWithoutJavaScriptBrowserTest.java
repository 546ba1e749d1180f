package dev.aether.examples.showcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.examples.showcase.ListenAddress;
import dev.aether.examples.showcase.ShowcaseServer;
import dev.aether.titan.Titan;
import dev.aether.web.browser.BrowserTest;
import dev.aether.web.browser.Waits;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The same pages with JavaScript off: plain links, forms that post, actions that redirect or answer 422. */
@BrowserTest(javascript = false)
class ShowcaseWithoutJavaScriptBrowserTest {
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
    void linksNavigateAndTheCounterPosts(WebDriver browser) {
        browser.get(titan.httpUri() + "/");
        browser.findElement(By.linkText("Counter")).click();
        Waits.until(browser, "the counter page", d -> d.getCurrentUrl().endsWith("/counter"));
        browser.findElement(By.id("inc")).click();
        Waits.until(browser, "the first post's redirect", d -> d.getCurrentUrl().endsWith("/counter?count=1"));
        browser.findElement(By.id("inc")).click();
        Waits.until(browser, "the second post's redirect", d -> d.getCurrentUrl().endsWith("/counter?count=2"));
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("2");
    }

    @Test
    void theStocksFilterIsAGetForm(WebDriver browser) {
        browser.get(titan.httpUri() + "/stocks");
        assertThat(browser.findElements(By.cssSelector("#quotes tbody tr"))).hasSize(10);
        browser.findElement(By.id("q")).sendKeys("corp");
        browser.findElement(By.cssSelector("form button[type='submit']")).click();
        Waits.until(browser, "the filtered page", d -> d.getCurrentUrl().endsWith("/stocks?q=corp"));
        assertThat(browser.findElements(By.cssSelector("#quotes tbody tr")).stream().map(tr -> tr.getAttribute("data-symbol")))
                .containsExactly("INTC", "MSFT", "NVDA", "ORCL");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("corp");
    }

    @Test
    void todosWorkThroughFormPosts(WebDriver browser) {
        browser.get(titan.httpUri() + "/todos");
        assertThat(browser.findElement(By.id("empty")).getText()).isEqualTo("Nothing to do.");
        browser.findElement(By.id("title")).sendKeys("write");
        browser.findElement(By.id("add-button")).click();
        titles(browser, "write");
        browser.findElement(By.id("title")).sendKeys("ship");
        browser.findElement(By.id("add-button")).click();
        titles(browser, "write", "ship");
        browser.findElement(By.cssSelector("#todos li[data-id='2'] button.up")).click();
        titles(browser, "ship", "write");
        browser.findElement(By.cssSelector("#todos li[data-id='1'] button.toggle")).click();
        Waits.until(browser, "write done", d -> d.findElement(By.cssSelector("#todos li[data-id='1']")).getAttribute("class").contains("done"));
        assertThat(browser.findElement(By.id("summary")).getText()).isEqualTo("1 to do, 1 done");   // the GET after the post loaded it afresh
        browser.findElement(By.cssSelector("#todos li[data-id='2'] button.remove")).click();
        titles(browser, "write");
    }

    /** Waits for the page after the post's redirect to list exactly {@code expected}. */
    private static void titles(WebDriver browser, String... expected) {
        Waits.until(browser, "the todos " + List.of(expected), d -> List.of(expected).equals(((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#todos li .title')].map(s => s.textContent)")));
    }

    @Test
    void anInvalidSignupComesBackWithItsValuesAndMessagesThenAValidOneWelcomes(WebDriver browser) {
        browser.get(titan.httpUri() + "/signup");
        browser.findElement(By.id("name")).sendKeys("Ada");
        browser.findElement(By.id("email")).sendKeys("not-an-address");
        browser.findElement(By.id("submit")).click();

        Waits.text(browser, By.id("email-error"), "Enter an e-mail address like ada@example.com");
        assertThat(browser.findElements(By.id("name-error"))).isEmpty();
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Ada");

        WebElement email = browser.findElement(By.id("email"));
        email.clear();
        email.sendKeys("ada@example.com");
        browser.findElement(By.id("submit")).click();
        Waits.text(browser, By.id("welcome"), "Welcome, Ada!");
    }
}
