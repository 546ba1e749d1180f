package dev.aether.web.browser;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Steps every live-page browser test takes: open a page and wait until its runtime is attached,
 * run a line of JavaScript.
 *
 * <pre>{@code
 * LivePages.open(browser, server.url("/counter"));
 * LivePages.js(browser, "Aether.drop(1500)");
 * }</pre>
 */
public final class LivePages {
    private LivePages() {
    }

    /** Opens {@code url} and waits until its live channel is connected. */
    public static void open(WebDriver browser, String url) {
        browser.get(url);
        connected(browser);
    }

    /** Waits until the page's live channel is connected. */
    public static void connected(WebDriver browser) {
        Waits.until(browser, "the live channel to connect", d -> "connected".equals(js(d, "return window.Aether && Aether.status()")));
    }

    /**
     * Opens {@code url} and marks the window: a full page load would lose the mark, so
     * {@link #sameDocument} tells a live navigation from a page load.
     */
    public static void openMarked(WebDriver browser, String url) {
        open(browser, url);
        js(browser, "window.__sameDocument = true");
    }

    /** Whether the page opened with {@link #openMarked} is still the same document. */
    public static boolean sameDocument(WebDriver browser) {
        return Boolean.TRUE.equals(js(browser, "return window.__sameDocument === true"));
    }

    /** Runs {@code script} in the page and returns what it returns. */
    public static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }
}
