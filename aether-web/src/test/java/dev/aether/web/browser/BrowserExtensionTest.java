package dev.aether.web.browser;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.Page;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/** The harness itself: one browser per class, nothing left over from one test to the next. */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserExtensionTest {
    private static TestServer server;
    private static WebDriver first;

    @BeforeAll
    static void serve() {
        server = TestServer.pages(Map.of("/", request -> Page.of("Harness", () -> p(id("hello"), text("hello")))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void aTestCanLeaveCookiesAndStorageBehind(WebDriver browser) {
        first = browser;
        browser.get(server.url("/"));
        browser.manage().addCookie(new Cookie("left", "over"));
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('left', 'over'); sessionStorage.setItem('left', 'over')");

        assertThat(browser.manage().getCookieNamed("left")).isNotNull();
        assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.getItem('left')")).isEqualTo("over");
    }

    @Test
    @Order(2)
    void theNextTestGetsTheSameBrowserWithNoCookiesStorageOrPage(WebDriver browser) {
        assertThat(browser).isSameAs(first);
        assertThat(browser.getCurrentUrl()).isEqualTo("about:blank");

        browser.get(server.url("/"));
        assertThat(browser.findElement(By.id("hello")).getText()).isEqualTo("hello");
        assertThat(browser.manage().getCookies()).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return [localStorage.length, sessionStorage.length]"))
                .isEqualTo(java.util.List.of(0L, 0L));
    }
}
