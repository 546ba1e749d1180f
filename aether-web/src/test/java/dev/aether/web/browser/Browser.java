package dev.aether.web.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;

/**
 * One running Chromium (with its ChromeDriver and a temporary profile directory). Get one from
 * {@link Browsers} or as a test parameter under {@link BrowserTest}; {@link #close()} quits the
 * browser, stops the driver and deletes the profile.
 */
public final class Browser implements AutoCloseable {
    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;
    private final boolean javascript;

    Browser(ChromeDriver driver, ChromeDriverService service, Path profile, boolean javascript) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
        this.javascript = javascript;
    }

    /** The Selenium driver. */
    public WebDriver driver() {
        return driver;
    }

    /** Whether pages may run JavaScript in this browser. */
    public boolean javascriptEnabled() {
        return javascript;
    }

    /**
     * Forgets everything the previous test left: an open dialog, cookies, the HTTP cache, local
     * and session storage (and the other per-origin stores) of the current page's origin and of
     * every running {@link TestServer}, and the page itself: the browser is left on
     * {@code about:blank}.
     */
    public void reset() {
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        String url = driver.getCurrentUrl();
        Set<String> origins = new LinkedHashSet<>(TestServer.origins());
        origin(url).ifPresent(origins::add);
        if (!"about:blank".equals(url)) {
            driver.get("about:blank");
        }
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.executeCdpCommand("Network.clearBrowserCache", Map.of());
        for (String origin : origins) {
            driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        }
    }

    private static Optional<String> origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().startsWith("http")) {
                return Optional.empty();
            }
            return Optional.of(uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Quits the browser, stops ChromeDriver and deletes the temporary profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover temp directory is harmless
        }
    }
}
