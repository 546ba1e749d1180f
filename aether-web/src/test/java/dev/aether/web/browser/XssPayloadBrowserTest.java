package dev.aether.web.browser;

import static dev.aether.web.component.Components.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.Page;
import dev.aether.web.ssr.Head;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;

/**
 * The XSS payloads of {@code XssPayloadTest}, each rendered into a page through text, dynamic text,
 * attributes, {@code href}/{@code src}/{@code action}/{@code formaction}, style values, a
 * textarea, an option, a list row, the title and a meta tag, then loaded in a real Chromium with
 * JavaScript on. The page's own script sets {@code window.__xss = 0}; payloads try to alert or
 * to set it to 1. Each payload's page is loaded once (by the first test); the tests read what the
 * browser saw.
 */
@BrowserTest
class XssPayloadBrowserTest {
    private static final String BENIGN = "benign";
    private static final Map<String, Observed> observed = new HashMap<>();
    private static TestServer server;

    /** What the browser made of the page for one payload: a dialog that opened, or what the DOM held. */
    record Observed(String dialog, Map<String, Object> dom, RuntimeException error) {
        static Observed dialog(String text) {
            return new Observed(text, Map.of(), null);
        }

        /** What the DOM held; fails if a dialog opened instead, or the page could not be read. */
        Map<String, Object> read() {
            if (dialog != null) {
                throw new AssertionError("the page opened a dialog saying \"" + dialog + "\"");
            }
            if (error != null) {
                throw new AssertionError("the page could not be read: " + error.getMessage(), error);
            }
            return dom;
        }

        Object get(String key) {
            return read().get(key);
        }
    }

    @BeforeAll
    static void serve() {
        List<String> payloads = XssPayloads.all();
        server = TestServer.pages(Map.of("/xss", request -> {
            String i = request.parameter("i");
            return page(i == null ? BENIGN : payloads.get(Integer.parseInt(i)));
        }));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static Stream<Named<String>> payloads() {
        return XssPayloads.all().stream().map(p -> Named.of(printable(p), p));
    }

    private static Page page(String payload) {
        return Page.of(payload, () -> component(() -> {
            Head.meta("description", payload);
            return main(
                    // test-only: the page's own script, before any payload in the body
                    dangerouslyUnescapedHtml("<script>window.__xss = window.__xss || 0</script>"),
                    p(id("text"), text(payload)),
                    p(id("dynamic-text"), text(() -> payload)),
                    div(id("attributes"), attr("title", payload), attr("aria-label", () -> payload), text("attributes")),
                    a(id("link"), href(payload), text("link")),
                    img(id("image"), src(payload), attr("alt", "image")),
                    form(id("form"), attr("action", payload),
                            button(id("form-button"), type("submit"), attr("formaction", () -> payload), text("send"))),
                    div(id("styled"), style("color", payload), style("background-color", () -> payload), text("styled")),
                    textarea(id("textarea"), text(() -> payload)),
                    select(id("select"), option(id("option"), value(payload), text(payload))),
                    ul(id("rows"), each(() -> List.of(payload), row -> row, row -> li(text(row)))));
        }));
    }

    /** Reads the page; null-safe, so a payload that swallowed part of the page shows as a difference, not an error. */
    private static final String READ_DOM = """
            const q = id => document.getElementById(id);
            const scheme = u => { if (u == null) return 'missing'; try { return new URL(u, location.href).protocol } catch (e) { return 'unparseable' } };
            const all = Array.from(document.querySelectorAll('*'));
            const style = q('styled') ? getComputedStyle(q('styled')) : {};
            return {
              xss: window.__xss === undefined ? 'undefined' : window.__xss,
              tags: all.map(e => e.localName).join(' '),
              attributes: Array.from(new Set(all.flatMap(e => e.getAttributeNames()))).sort().join(' '),
              title: document.querySelector('title')?.textContent,
              meta: document.querySelector('meta[name=description]')?.content,
              text: q('text')?.textContent,
              dynamicText: q('dynamic-text')?.textContent,
              titleAttribute: q('attributes')?.getAttribute('title'),
              ariaLabel: q('attributes')?.getAttribute('aria-label'),
              textarea: q('textarea')?.value,
              optionValue: q('option')?.value,
              optionText: q('option')?.textContent,
              row: q('rows')?.querySelector('li')?.textContent,
              schemes: [q('link')?.href, q('image')?.src, q('form')?.action, q('form-button')?.formAction].map(scheme).join(' '),
              style: [style.color, style.backgroundColor, style.backgroundImage].join(' | ')
            };""";

    /**
     * What the browser saw of the page for {@code payload}. The first call loads every payload's
     * page in turn (one navigation each, no reset in between: much faster than a page per test)
     * and keeps what each showed.
     */
    private static Observed observe(WebDriver browser, String payload) {
        synchronized (observed) {
            if (observed.isEmpty()) {
                observed.put(BENIGN, load(browser, "/xss"));
                List<String> payloads = XssPayloads.all();
                for (int i = 0; i < payloads.size(); i++) {
                    observed.put(payloads.get(i), load(browser, "/xss?i=" + i));
                }
            }
        }
        return observed.get(payload);
    }

    /** Loads {@code path}, waits two frames (for autofocus and other late handlers), reads the DOM. */
    @SuppressWarnings("unchecked")
    private static Observed load(WebDriver browser, String path) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        try {
            browser.get(server.url(path));
            js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 0)))");
            String dialog = openDialog(browser);
            return dialog != null ? Observed.dialog(dialog) : new Observed(null, (Map<String, Object>) js.executeScript(READ_DOM), null);
        } catch (UnhandledAlertException e) {
            return Observed.dialog(String.valueOf(e.getAlertText()));
        } catch (WebDriverException e) {
            return new Observed(null, Map.of(), e);
        }
    }

    private static String openDialog(WebDriver browser) {
        try {
            var alert = browser.switchTo().alert();
            String text = alert.getText();
            alert.dismiss();
            return text;
        } catch (NoAlertPresentException none) {
            return null;
        }
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aPayloadRunsNoScriptAndOpensNoDialog(String payload, WebDriver browser) {
        Observed page = observe(browser, payload);

        assertThat(page.dialog()).as("the text of a dialog that opened").isNull();
        assertThat(page.get("xss")).as("window.__xss").isEqualTo(0L);
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aPayloadAddsNoElementsNoAttributesNoScriptOrDataUrlsAndNoStyles(String payload, WebDriver browser) {
        Observed page = observe(browser, payload);
        Observed benign = observe(browser, BENIGN);

        assertThat(page.get("tags")).as("the elements of the page").isEqualTo(benign.get("tags"));
        assertThat(words(page.get("attributes"))).as("the attribute names in the page").isSubsetOf(words(benign.get("attributes")));
        assertThat(words(page.get("schemes"))).as("the schemes of the link, image, form action and formaction as the browser resolved them")
                .hasSize(4).allSatisfy(scheme -> assertThat(scheme).isIn("http:", "about:"));
        assertThat(page.get("style")).as("the computed color | background-color | background-image").isEqualTo(benign.get("style"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void aPayloadReadsBackAsExactlyItselfWhereverItIsTextOrAnAttributeValue(String payload, WebDriver browser) {
        Observed page = observe(browser, payload);
        String expected = asParsed(payload);

        assertThat(page.read()).as("what the browser read back").containsAllEntriesOf(Map.of(
                "text", expected, "dynamicText", expected, "titleAttribute", expected, "ariaLabel", expected,
                "textarea", expected, "optionValue", expected, "optionText", expected, "row", expected,
                "meta", expected, "title", expected));
    }

    /**
     * The payload as the document holds it: NUL was rendered as U+FFFD, and the HTML parser turns
     * CR LF and lone CR into LF.
     */
    private static String asParsed(String payload) {
        return payload.replace('\0', '\uFFFD').replace("\r\n", "\n").replace('\r', '\n');
    }

    private static List<String> words(Object spaceSeparated) {
        return Arrays.asList(String.valueOf(spaceSeparated).split(" "));
    }

    /** A display name: control and non-ASCII characters as {@code \\uXXXX}. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04X", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
