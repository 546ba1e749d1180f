package dev.aether.web.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's Chromium ({@code chromium} and {@code chromium-driver} packages) under Selenium
 * for the real-browser tests. Nothing is ever downloaded: the driver and the browser binary are
 * given explicitly, so Selenium Manager is never asked to find (or fetch) them.
 *
 * <p>Most tests should not call this class directly but use {@link BrowserTest}, which starts one
 * browser per test class and hands it to the tests. Direct use:
 *
 * <pre>{@code
 * Browsers.requireAvailable();                       // skip (or, with CI=true, fail) without a browser
 * try (Browser browser = Browsers.start()) {         // or Browsers.startWithoutJavaScript()
 *     browser.driver().get(server.url("/"));
 * }
 * }</pre>
 *
 * <p>Paths can be overridden with the system properties {@code aether.browser.chromium} and
 * {@code aether.browser.chromedriver} (defaults {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver}).
 */
public final class Browsers {
    /** The browser binary. */
    public static final Path CHROMIUM = Path.of(System.getProperty("aether.browser.chromium", "/usr/bin/chromium"));
    /** The matching ChromeDriver binary. */
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("aether.browser.chromedriver", "/usr/bin/chromedriver"));

    /** The flags every browser starts with (plus a fresh {@code --user-data-dir}). */
    public static final List<String> FLAGS = List.of(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            "--no-default-browser-check", "--disable-extensions", "--window-size=1280,900");

    private static final String INSTALL_HINT = "install the Debian packages chromium and chromium-driver "
            + "(apt-get install -y chromium chromium-driver)";

    static {
        // Belt and braces: with the driver path in this property (and in the service below)
        // Selenium's DriverFinder skips Selenium Manager entirely.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    }

    private Browsers() {
    }

    /** What is missing to run browser tests, or empty when Chromium and ChromeDriver are both there. */
    public static Optional<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            missing.add(CHROMIUM + " (package chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            missing.add(CHROMEDRIVER + " (package chromium-driver)");
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", missing) + " not found");
    }

    /** Whether {@code CI=true} is set: then a missing browser fails the tests instead of skipping them. */
    public static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Returns when a browser can be started. Otherwise, with {@code CI=true}, fails the test;
     * without it, prints a loud line on stderr and aborts the test (JUnit reports it skipped).
     */
    public static void requireAvailable() {
        requireAvailable(null);
    }

    /**
     * {@link #requireAvailable()}; {@code skippedClass} names the test class in the stderr line,
     * null prints nothing (the caller has said it already).
     */
    static void requireAvailable(String skippedClass) {
        Optional<String> missing = missing();
        if (missing.isEmpty()) {
            return;
        }
        if (onCi()) {
            Assertions.fail("Browser tests cannot run on CI: " + missing.get() + "; " + INSTALL_HINT + ".");
        }
        String message = "SKIPPING BROWSER TESTS: " + missing.get() + "; " + INSTALL_HINT
                + " to run them (with CI=true they fail instead).";
        if (skippedClass != null) {
            System.err.println("*** " + message + " (" + skippedClass + ") ***");
        }
        Assumptions.abort(message);
    }

    /** A browser with JavaScript on; {@code driver.get} waits for the page to load. */
    public static Browser start() {
        return start(true, PageLoadStrategy.NORMAL);
    }

    /**
     * A browser with JavaScript disabled for every page (the content setting "block", as a user
     * or an administrator would set it: the page's scripts and inline handlers do not run and
     * {@code <noscript>} content is displayed). The test itself can still use
     * {@code executeScript}: WebDriver's scripts do not go through the content setting.
     */
    public static Browser startWithoutJavaScript() {
        return start(false, PageLoadStrategy.NORMAL);
    }

    /**
     * A browser; {@code pageLoad} says what {@code driver.get} waits for: {@link PageLoadStrategy#NORMAL}
     * the load event, {@link PageLoadStrategy#NONE} nothing (use it to watch a streamed page
     * arrive, with {@link Waits}).
     */
    public static Browser start(boolean javascript, PageLoadStrategy pageLoad) {
        requireAvailable("Browsers.start");
        Path profile;
        try {
            profile = Files.createTempDirectory("aether-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile);
        options.setPageLoadStrategy(pageLoad);
        if (!javascript) {
            options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(10));
            return new Browser(driver, service, profile, javascript);
        } catch (RuntimeException e) {
            service.stop();
            Browser.deleteQuietly(profile);
            throw new IllegalStateException("Could not start " + CHROMIUM + " with " + CHROMEDRIVER + ": " + e.getMessage(), e);
        }
    }
}
