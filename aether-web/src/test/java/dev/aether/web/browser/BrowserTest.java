package dev.aether.web.browser;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.PageLoadStrategy;

/**
 * Marks a test class that drives a real Chromium. The class gets one browser, started before
 * its first test and quit after its last (starting one takes about a second); before each test
 * the browser forgets cookies, storage, caches and any open dialog, and goes to
 * {@code about:blank}. Tests (and {@code @BeforeAll}/{@code @BeforeEach} methods, and the
 * constructor) receive it as a {@link org.openqa.selenium.WebDriver} or a {@link Browser}
 * parameter.
 *
 * <p>Without Chromium and ChromeDriver installed the class is skipped with a loud message on
 * stderr; with {@code CI=true} it fails instead (see {@link Browsers#requireAvailable()}).
 *
 * <pre>{@code
 * @BrowserTest(javascript = false)
 * class CheckoutWithoutJavaScriptTest {
 *     @Test
 *     void theOrderFormPostsAndShowsTheOrder(WebDriver browser) {
 *         browser.get(server.url("/checkout"));
 *         ...
 *     }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag("browser")
@ExtendWith(BrowserExtension.class)
public @interface BrowserTest {
    /** Whether pages may run JavaScript; {@code false} blocks it for every page. */
    boolean javascript() default true;

    /**
     * What {@code driver.get} waits for: the load event ({@code NORMAL}), or nothing
     * ({@code NONE}, to watch a streamed page arrive with {@link Waits}).
     */
    PageLoadStrategy pageLoad() default PageLoadStrategy.NORMAL;
}
