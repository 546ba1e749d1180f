package dev.aether.web.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Waiting for the page, with failure messages that say what was awaited and what the page showed
 * instead. Every wait polls every 25 ms and gives up after {@link #TIMEOUT} (unless told
 * otherwise), failing the test with an {@link AssertionError}.
 *
 * <pre>{@code
 * WebElement fallback = Waits.visible(driver, By.id("loading"));
 * Waits.text(driver, By.id("name"), "Ada Lovelace");
 * Waits.gone(driver, By.id("loading"));
 * }</pre>
 */
public final class Waits {
    /** How long a wait lasts by default. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(25);

    private Waits() {
    }

    /**
     * Polls {@code condition} until it returns something other than null or {@code false}, and
     * returns that; {@code what} describes the awaited state for the failure message.
     * {@link NoSuchElementException} and {@link StaleElementReferenceException} count as "not yet".
     */
    public static <T> T until(WebDriver driver, String what, Function<? super WebDriver, ? extends T> condition) {
        return until(driver, TIMEOUT, what, condition);
    }

    /** {@link #until(WebDriver, String, Function)} with another timeout. */
    public static <T> T until(WebDriver driver, Duration timeout, String what, Function<? super WebDriver, ? extends T> condition) {
        WebDriverWait wait = new WebDriverWait(driver, timeout, POLL);
        wait.ignoring(NoSuchElementException.class).ignoring(StaleElementReferenceException.class);
        try {
            return wait.until(d -> condition.apply(d));
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + timeout.toMillis() + " ms waiting for " + what + describe(driver), e);
        }
    }

    /** The first element matching {@code locator} once it is displayed. */
    public static WebElement visible(WebDriver driver, By locator) {
        return until(driver, locator + " to be displayed", d -> {
            WebElement e = d.findElement(locator);
            return e.isDisplayed() ? e : null;
        });
    }

    /** The first element matching {@code locator} once it is displayed with exactly {@code text} (as rendered). */
    public static WebElement text(WebDriver driver, By locator, String text) {
        return until(driver, locator + " to show the text \"" + text + "\"", d -> {
            WebElement e = d.findElement(locator);
            return e.isDisplayed() && text.equals(e.getText()) ? e : null;
        });
    }

    /** Returns once no element matches {@code locator} (removed from the page, not just hidden). */
    public static void gone(WebDriver driver, By locator) {
        until(driver, locator + " to be removed from the page", d -> d.findElements(locator).isEmpty());
    }

    /** Waits {@code millis} for nothing to happen (a check that something is still true later). */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns once the document's title is {@code title}. */
    public static void title(WebDriver driver, String title) {
        until(driver, "the page title \"" + title + "\"", d -> title.equals(d.getTitle()));
    }

    private static String describe(WebDriver driver) {
        try {
            String url = driver.getCurrentUrl();
            List<WebElement> body = driver.findElements(By.tagName("body"));
            String text = body.isEmpty() ? "(no body yet)" : body.get(0).getText();
            if (text.length() > 500) {
                text = text.substring(0, 500) + "…";
            }
            return "; the page at " + url + " showed: \"" + text + "\"";
        } catch (WebDriverException e) {
            return "; (the page could not be read: " + e.getMessage().lines().findFirst().orElse("") + ")";
        }
    }
}
