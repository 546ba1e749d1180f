package dev.aether.web.browser;

import static dev.aether.web.browser.LivePages.js;
import static dev.aether.web.browser.LivePages.openMarked;
import static dev.aether.web.browser.LivePages.sameDocument;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.router.Destination;
import dev.aether.web.router.GuardDecision;
import dev.aether.web.router.Level;
import dev.aether.web.router.Link;
import dev.aether.web.router.Links;
import dev.aether.web.router.Loader;
import dev.aether.web.router.NoParams;
import dev.aether.web.router.Route;
import dev.aether.web.router.RouteTree;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Guards, blockers and prefetch of a routed page in a real Chromium, driven by the router's
 * runtime: a guard that cancels a back keeps the page and the URL; a dirty form's blocker asks
 * before a link leaves it (dismiss stays, accept leaves); hovering a link prefetches it, so the
 * navigation that follows calls no loader.
 */
@BrowserTest
class GuardsBrowserTest {
    public record DocParams(int id) {
    }

    static final Route<NoParams> HOME = Route.of("/");
    static final Route<NoParams> LOCKABLE = Route.of("/lockable");
    static final Route<NoParams> OTHER = Route.of("/other");
    static final Route<NoParams> EDITOR = Route.of("/editor");
    static final Route<DocParams> DOC = Route.of("/docs/:id", DocParams.class);

    /** While set, the lockable page's guard cancels every navigation to it. */
    static final AtomicBoolean locked = new AtomicBoolean();
    static final AtomicInteger cancelledPops = new AtomicInteger();
    static final AtomicInteger docLoads = new AtomicInteger();
    static final Map<Integer, AtomicInteger> loadsById = new ConcurrentHashMap<>();
    static final Loader<DocParams, String> DOC_DATA = Loader.of("doc", args -> {
        loadsById.computeIfAbsent(args.params().id(), id -> new AtomicInteger()).incrementAndGet();
        return "doc " + args.params().id() + " (load " + docLoads.incrementAndGet() + ")";
    });
    static final Route<NoParams> LINKS = Route.of("/links");

    private static Titan titan;

    @BeforeAll
    static void serve() {
        RouteTree tree = RouteTree.builder()
                .layout(Level.layout(HOME, (ctx, outlet) -> div(id("shell"),
                                nav(Links.to(HOME, NoParams.NONE, id("link-home"), text("Home")),
                                        Links.to(OTHER, NoParams.NONE, id("link-other"), text("Other")),
                                        Links.to(DOC, new DocParams(7), id("link-doc"), text("Doc 7"))),
                                main(outlet))),
                        site -> site
                                .page(Level.page(HOME, "Home", ctx -> h1(id("home"), text("Welcome"))))
                                .page(Level.page(OTHER, "Other", ctx -> h1(id("other"), text("Other page"))))
                                .page(Level.page(LOCKABLE, "Lockable", ctx -> h1(id("lockable"), text("Lockable page")))
                                        .guard((params, to) -> {
                                            if (!locked.get()) {
                                                return GuardDecision.allow();
                                            }
                                            if (to.kind() == Destination.Kind.POP) {
                                                cancelledPops.incrementAndGet();
                                            }
                                            return GuardDecision.cancel();
                                        }))
                                .page(Level.page(EDITOR, "Editor", ctx -> {
                                    Signal<Boolean> dirty = Reactive.signal(false);
                                    ctx.blocker(dirty, "Discard your draft?");
                                    return form(textarea(id("draft"), name("draft"), on("input", e -> dirty.set(!e.value().isEmpty()))));
                                }))
                                .page(Level.page(LINKS, "Links", ctx -> div(
                                        Links.to(DOC, new DocParams(8), id("on-render"), text("Doc 8")).prefetch(Link.Prefetch.RENDER),
                                        div(style("height", "5000px"), text("a long page")),
                                        Links.to(DOC, new DocParams(9), id("in-view"), text("Doc 9")).prefetch(Link.Prefetch.VIEWPORT),
                                        Links.to(DOC, new DocParams(10), id("never"), text("Doc 10")).prefetch(Link.Prefetch.NONE))))
                                .page(Level.page(DOC, "Doc", ctx -> p(id("doc"), text(ctx.data(DOC_DATA)))).loader(DOC_DATA)))
                .build();
        titan = Titan.builder().port(0).mount(AetherWeb.builder().routes(tree).build()).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + titan.port() + path;
    }

    private static boolean navigating(WebDriver browser) {
        return Boolean.TRUE.equals(js(browser, "return document.documentElement.hasAttribute('data-ae-navigating')"));
    }

    private static Alert confirmDialog(WebDriver browser) {
        return Waits.until(browser, "the blocker's confirm dialog", d -> {
            try {
                return d.switchTo().alert();
            } catch (NoAlertPresentException notYet) {
                return null;
            }
        });
    }

    @Test
    void aGuardThatCancelsABackKeepsThePageAndTheUrl(WebDriver browser) {
        locked.set(false);
        openMarked(browser, url("/lockable"));
        browser.findElement(By.id("link-other")).click();
        Waits.text(browser, By.id("other"), "Other page");
        int before = cancelledPops.get();

        locked.set(true);
        browser.navigate().back();
        Waits.until(browser, "the guard to cancel the back", d -> cancelledPops.get() == before + 1);
        Waits.until(browser, "the URL to be restored", d -> d.getCurrentUrl().equals(url("/other")) && !navigating(d));

        assertThat(browser.findElement(By.id("other")).getText()).isEqualTo("Other page");
        assertThat(browser.findElements(By.id("lockable"))).isEmpty();
        assertThat(sameDocument(browser)).as("no full page load").isTrue();

        locked.set(false);   // the same back, allowed now, goes back
        browser.navigate().back();
        Waits.text(browser, By.id("lockable"), "Lockable page");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/lockable"));
        assertThat(sameDocument(browser)).isTrue();
    }

    @Test
    void aBlockerStopsLeavingADirtyFormDismissStaysAcceptLeaves(WebDriver browser) {
        openMarked(browser, url("/editor"));
        browser.findElement(By.id("draft")).sendKeys("half a thought");
        Waits.until(browser, "the server to mark the page dirty",
                d -> Boolean.TRUE.equals(js(d, "return document.querySelector('input[data-ae-router]').hasAttribute('data-ae-dirty')")));

        browser.findElement(By.id("link-home")).click();
        Alert question = confirmDialog(browser);
        assertThat(question.getText()).isEqualTo("Discard your draft?");
        question.dismiss();

        Waits.until(browser, "the navigation to end", d -> !navigating(d));
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/editor"));
        assertThat(browser.findElement(By.id("draft")).getDomProperty("value")).isEqualTo("half a thought");

        browser.findElement(By.id("link-home")).click();
        confirmDialog(browser).accept();

        Waits.text(browser, By.id("home"), "Welcome");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/"));
        assertThat(sameDocument(browser)).as("left live, no full page load").isTrue();
        Waits.until(browser, "the blocker to leave with its page",
                d -> Boolean.FALSE.equals(js(d, "return document.querySelector('input[data-ae-router]').hasAttribute('data-ae-dirty')")));
    }

    @Test
    void hoveringALinkPrefetchesItSoTheNavigationCallsNoLoader(WebDriver browser) {
        openMarked(browser, url("/"));
        int before = docLoads.get();

        new Actions(browser).moveToElement(browser.findElement(By.id("link-doc"))).perform();
        Waits.until(browser, "the hover to prefetch doc 7", d -> docLoads.get() == before + 1);

        browser.findElement(By.id("link-doc")).click();
        Waits.text(browser, By.id("doc"), "doc 7 (load " + (before + 1) + ")");
        assertThat(docLoads.get()).as("loader calls after the click").isEqualTo(before + 1);
        assertThat(sameDocument(browser)).isTrue();
    }

    private static int loadsOf(int id) {
        return loadsById.computeIfAbsent(id, n -> new AtomicInteger()).get();
    }

    @Test
    void aRenderLinkPrefetchesWhenShownAViewportLinkWhenScrolledIntoViewANoneLinkNever(WebDriver browser) {
        openMarked(browser, url("/links"));
        Waits.until(browser, "the render link to prefetch doc 8", d -> loadsOf(8) == 1);
        assertThat(loadsOf(9)).as("doc 9's link is below the fold").isZero();

        new Actions(browser).moveToElement(browser.findElement(By.id("never"))).perform();   // scrolls both into view, hovers the none link
        Waits.until(browser, "the viewport link to prefetch doc 9", d -> loadsOf(9) == 1);

        browser.findElement(By.id("never")).click();
        Waits.until(browser, "doc 10 to show", d -> d.findElement(By.id("doc")).getText().startsWith("doc 10 "));
        assertThat(loadsOf(10)).as("a none link is loaded by its navigation only").isEqualTo(1);
        assertThat(sameDocument(browser)).isTrue();
    }

    /**
     * Whether the runtime's beforeunload handler would make the browser ask: headless Chromium
     * shows no leave-site dialog to a driven page, so the test fires the event itself.
     */
    private static boolean unloadAsks(WebDriver browser) {
        return Boolean.TRUE.equals(js(browser, "const ev = new Event('beforeunload', { cancelable: true }); dispatchEvent(ev); return ev.defaultPrevented"));
    }

    @Test
    void aDirtyPageAsksBeforeUnloadingAndACleanOneDoesNot(WebDriver browser) {
        openMarked(browser, url("/editor"));
        assertThat(unloadAsks(browser)).as("clean").isFalse();

        browser.findElement(By.id("draft")).sendKeys("unsaved");
        Waits.until(browser, "the server to mark the page dirty",
                d -> Boolean.TRUE.equals(js(d, "return document.querySelector('input[data-ae-router]').hasAttribute('data-ae-dirty')")));
        assertThat(unloadAsks(browser)).as("dirty").isTrue();

        browser.findElement(By.id("draft")).sendKeys(org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"), org.openqa.selenium.Keys.DELETE);
        Waits.until(browser, "the page to be clean again",
                d -> Boolean.FALSE.equals(js(d, "return document.querySelector('input[data-ae-router]').hasAttribute('data-ae-dirty')")));
        assertThat(unloadAsks(browser)).as("clean again").isFalse();
    }
}
