package dev.aether.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Unit tests of the runtime's parts (rebase, event specs, markers, patches, resume, close codes),
 * run inside Chromium beside the Selenium behaviour tests. The tests themselves are JavaScript
 * ({@code runtime-parts/tests.js}, one behaviour each, named as sentences); each becomes a JUnit
 * test of the same name, run on a fresh load of the test page. The page loads the real runtime
 * with {@code data-ae-test}, which makes it expose its parts on {@code window.AetherTest}, and a
 * stand-in WebSocket through which a test plays the server.
 */
@BrowserTest
class RuntimePartsBrowserTest {
    private static final String PARTS = "runtime-parts/";
    private static final Map<String, String> FILES = Map.of(
            "/parts", PARTS + "page.html",
            "/production", PARTS + "production.html",
            "/fake-socket.js", PARTS + "fake-socket.js",
            "/tests.js", PARTS + "tests.js",
            "/_aether/runtime.js", "/dev/aether/web/live/aether.js");
    private static TestServer server;

    @BeforeAll
    static void serveTheTestPages() {
        server = TestServer.start(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String file = FILES.get(Request.getPathInContext(request));
                if (file == null) {
                    Response.writeError(request, response, callback, 404);
                    return true;
                }
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, (file.endsWith(".html") ? "text/html" : "text/javascript") + "; charset=utf-8");
                response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
                response.write(true, ByteBuffer.wrap(resource(file)), callback);
                return true;
            }
        });
    }

    @AfterAll
    static void stopServing() {
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> theRuntimesParts(WebDriver browser) {
        open(browser, "/parts");
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) js(browser, "return AetherTests.names()");
        assertThat(names).as("the tests in tests.js").isNotEmpty();
        return names.stream().map(name -> DynamicTest.dynamicTest(name, () -> run(browser, name)));
    }

    @Test
    void aProductionPageGetsNoTestHook(WebDriver browser) {
        open(browser, "/production");
        assertThat(js(browser, "return typeof window.Aether")).isEqualTo("object");
        assertThat(js(browser, "return typeof window.AetherTest")).isEqualTo("undefined");
    }

    private static void run(WebDriver browser, String name) {
        open(browser, "/parts");
        try {
            js(browser, "window.notReloaded = true");
            Map<String, Object> result = async(browser, "AetherTests.run(arguments[0]).then(arguments[1])", name);
            if (Boolean.TRUE.equals(result.get("reloads"))) {
                Waits.until(browser, "the runtime to reload the page", d -> Boolean.TRUE.equals(js(d,
                        "return !window.notReloaded && document.readyState === 'complete' && !!window.AetherTests")));
                result = async(browser, "AetherTests.afterReload(arguments[0]).then(arguments[1])", name);
            }
            assertThat(result.get("passed")).as("%s: %s", name, result.get("message")).isEqualTo(true);
        } finally {
            js(browser, "sessionStorage.clear()");   // nothing a test kept for a reload reaches the next one
        }
    }

    private static void open(WebDriver browser, String path) {
        browser.get(server.url(path));
        Waits.until(browser, "the page's scripts to run", d -> js(d, "return !!window.Aether"));
    }

    private static Object js(WebDriver browser, String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> async(WebDriver browser, String script, Object... args) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeAsyncScript(script, args);
    }

    private static byte[] resource(String name) {
        try (InputStream in = RuntimePartsBrowserTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
