package dev.aether.web.browser;

import static dev.aether.web.browser.LivePages.js;
import static dev.aether.web.browser.LivePages.openMarked;
import static dev.aether.web.browser.LivePages.sameDocument;
import static dev.aether.web.component.Components.component;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.router.Level;
import dev.aether.web.router.Link;
import dev.aether.web.router.Links;
import dev.aether.web.router.Loader;
import dev.aether.web.router.Destination;
import dev.aether.web.router.GuardDecision;
import dev.aether.web.router.NoParams;
import dev.aether.web.router.Route;
import dev.aether.web.router.RouteTree;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * Links and back/forward of a page served from a route tree, followed live by the router's
 * runtime in a real Chromium: the layout keeps its state, the loaders of the new levels run in
 * parallel, the URL, title and active classes follow, and a modifier-click is the browser's.
 */
@BrowserTest
class LiveNavigationBrowserTest {
    public record MemberParams(String name) {
    }

    public record SlowParams(int n) {
    }

    static final Route<NoParams> HOME = Route.of("/");
    static final Route<NoParams> TEAM = Route.of("/team");
    static final Route<MemberParams> MEMBER = Route.of("/team/:name", MemberParams.class);
    static final Route<SlowParams> SLOW = Route.of("/slow/:n", SlowParams.class);

    static final Map<String, AtomicInteger> memberLoads = new ConcurrentHashMap<>();
    static final Loader<MemberParams, String> MEMBER_DATA = Loader.of("member", args -> {
        memberLoads.computeIfAbsent(args.params().name(), n -> new AtomicInteger()).incrementAndGet();
        return args.params().name();
    });
    /** When each slow loader ran, by "a n" / "b n" (n: the page): [start, end] in nanoseconds. */
    static final Map<String, long[]> slowRuns = new ConcurrentHashMap<>();
    static final Loader<SlowParams, String> SLOW_A = Loader.of("slow-a", args -> slow("a " + args.params().n(), "A"));
    static final Loader<SlowParams, String> SLOW_B = Loader.of("slow-b", args -> slow("b " + args.params().n(), "B"));
    static final AtomicInteger slowPages = new AtomicInteger(100);

    /** A slow service call of 300 ms, noted under {@code run}. */
    private static String slow(String run, String value) throws InterruptedException {
        long start = System.nanoTime();
        Thread.sleep(300);
        slowRuns.put(run, new long[] {start, System.nanoTime()});
        return value;
    }

    private static Titan titan;

    /**
     * These tests count loader calls with the cache off: a hover prefetch (the default, tested in
     * GuardsBrowserTest) would add one whenever the mouse rests on a link after a click.
     */
    private static final Link.Prefetch NO_PREFETCH = Link.Prefetch.NONE;

    @BeforeAll
    static void serve() {
        RouteTree tree = RouteTree.builder()
                // no cache: every navigation here runs its loaders, so the tests can count them
                .loaderCache(0, Duration.ofMinutes(5))
                // forward to /team is refused (a stand-in for a guard): the runtime must undo the browser's move
                .beforeEach(to -> to.kind() == Destination.Kind.POP && to.path().equals("/team")
                        ? GuardDecision.cancel() : GuardDecision.allow())
                .layout(Level.layout(HOME, (ctx, outlet) -> component(() -> {
                            Signal<Integer> count = Reactive.signal(0);
                            return div(id("shell"),
                                    nav(Links.to(HOME, NoParams.NONE, id("link-home"), text("Home")).activeClass("active").exactActiveClass("here"),
                                            Links.to(MEMBER, new MemberParams("ann"), id("link-ann"), text("Ann")).activeClass("active").prefetch(NO_PREFETCH),
                                            Links.to(MEMBER, new MemberParams("bob"), id("link-bob"), text("Bob")).activeClass("active").prefetch(NO_PREFETCH),
                                            Links.to(TEAM, NoParams.NONE, id("link-team"), text("Team")).activeClass("active").prefetch(NO_PREFETCH)),
                                    button(id("inc"), on("click", () -> count.update(n -> n + 1)), text("+1")),
                                    span(id("count"), text(count::get)),
                                    input(id("note"), name("note"), type("text")),
                                    main(outlet));
                        })),
                        site -> site
                                .page(Level.page(HOME, "Home", ctx -> h1(id("home"), text("Welcome"))))
                                .page(Level.page(SLOW, "Slow", ctx -> p(id("slow"), text(ctx.data(SLOW_A) + ctx.data(SLOW_B))))
                                        .loader(SLOW_A).loader(SLOW_B))
                                .layout(Level.layout(TEAM, (ctx, outlet) -> section(h2(text("Team")), input(id("team-note"), type("text")), outlet)),
                                        team -> team
                                                .page(Level.page(TEAM, "Team", ctx -> p(id("member"), text("everyone"))))
                                                .page(Level.page(MEMBER, "Member", ctx -> p(id("member"), text(ctx.data(MEMBER_DATA))))
                                                        .description("One of the team")
                                                        .loader(MEMBER_DATA))))
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

    private static int loads(String member) {
        return memberLoads.computeIfAbsent(member, n -> new AtomicInteger()).get();
    }

    @Test
    void aNestedLayoutKeepsItsStateWhileTheChildPageChangesByALinkClick(WebDriver browser) {
        openMarked(browser, url("/team/ann"));
        browser.findElement(By.id("note")).sendKeys("typed in the layout");
        browser.findElement(By.id("team-note")).sendKeys("typed in the nested layout");
        browser.findElement(By.id("inc")).click();
        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "2");

        browser.findElement(By.id("link-bob")).click();
        Waits.text(browser, By.id("member"), "bob");

        assertThat(browser.findElement(By.id("note")).getDomProperty("value")).isEqualTo("typed in the layout");
        assertThat(browser.findElement(By.id("team-note")).getDomProperty("value")).isEqualTo("typed in the nested layout");
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("2");
        browser.findElement(By.id("inc")).click();
        Waits.text(browser, By.id("count"), "3");   // the layout's handlers still live
        assertThat(sameDocument(browser)).as("no full page load").isTrue();
    }

    @Test
    void twoLoadersOf300MillisecondsMakeOneNavigationOfAbout300Milliseconds(WebDriver browser) {
        openMarked(browser, url("/"));
        int n = slowPages.incrementAndGet();
        // a link to a page whose loaders have never run, timed from the click to its content in the DOM
        js(browser, """
                const a = document.createElement('a');
                a.id = 'to-slow'; a.href = '/slow/' + arguments[0]; a.setAttribute('data-ae-link', ''); a.textContent = 'slow';
                document.body.appendChild(a);
                new MutationObserver((_, o) => { if (document.getElementById('slow')) { window.__arrived = performance.now(); o.disconnect(); } })
                    .observe(document.body, { childList: true, subtree: true });
                window.__clicked = performance.now();
                a.click();
                window.__busy = document.documentElement.hasAttribute('data-ae-navigating') && document.documentElement.getAttribute('aria-busy');""", n);
        Waits.text(browser, By.id("slow"), "AB");
        double millis = ((Number) js(browser, "return window.__arrived - window.__clicked")).doubleValue();
        long[] a = slowRuns.get("a " + n), b = slowRuns.get("b " + n);
        assertThat(a[0] < b[1] && b[0] < a[1]).as("the two loaders ran at the same time").isTrue();
        // about 300 ms; the bound leaves room for a loaded machine (one after the other would be 600 ms + the same overhead)
        assertThat(millis).as("one live navigation with two 300 ms loaders, in ms").isGreaterThanOrEqualTo(290).isLessThan(900);
        assertThat(js(browser, "return window.__busy")).as("<html> marked busy while the navigation ran").isEqualTo("true");
        Waits.until(browser, "the busy mark to go", d -> Boolean.FALSE.equals(js(d, "return document.documentElement.hasAttribute('aria-busy')")));
        assertThat(sameDocument(browser)).isTrue();
    }

    @Test
    void backAndForwardNavigateLiveAndRunTheLoaders(WebDriver browser) {
        openMarked(browser, url("/team/ann"));
        browser.findElement(By.id("link-bob")).click();
        Waits.text(browser, By.id("member"), "bob");
        int ann = loads("ann"), bob = loads("bob");

        browser.navigate().back();
        Waits.text(browser, By.id("member"), "ann");
        Waits.until(browser, "the URL of the entry gone back to", d -> d.getCurrentUrl().endsWith("/team/ann"));
        assertThat(loads("ann")).as("ann's loader ran again").isEqualTo(ann + 1);

        browser.navigate().forward();
        Waits.text(browser, By.id("member"), "bob");
        assertThat(browser.getCurrentUrl()).endsWith("/team/bob");
        assertThat(loads("bob")).as("bob's loader ran again").isEqualTo(bob + 1);
        assertThat(sameDocument(browser)).as("no full page load").isTrue();
    }

    @Test
    void aNavigationScrollsToTheTopAndBackRestoresTheScrollOfItsEntry(WebDriver browser) {
        openMarked(browser, url("/team/ann"));
        js(browser, "document.body.style.minHeight = '5000px'; window.__scrolled = false;"
                + "addEventListener('scroll', () => { window.__scrolled = true; }, { once: true }); scrollTo(0, 1200)");
        Waits.until(browser, "the scroll event", d -> Boolean.TRUE.equals(js(d, "return window.__scrolled")));

        js(browser, "document.getElementById('link-bob').click()");
        Waits.text(browser, By.id("member"), "bob");
        Waits.until(browser, "the new entry at the top", d -> ((Number) js(d, "return scrollY")).intValue() == 0);

        browser.navigate().back();
        Waits.text(browser, By.id("member"), "ann");
        Waits.until(browser, "the entry's scroll restored", d -> ((Number) js(d, "return scrollY")).intValue() == 1200);
        assertThat(sameDocument(browser)).isTrue();
    }

    @Test
    void aCancelledBackOrForwardIsUndoneInTheBrowser(WebDriver browser) {
        openMarked(browser, url("/team/ann"));
        browser.findElement(By.id("link-team")).click();   // a push to /team is allowed
        Waits.text(browser, By.id("member"), "everyone");
        browser.navigate().back();
        Waits.text(browser, By.id("member"), "ann");
        Waits.until(browser, "the URL of ann's entry", d -> d.getCurrentUrl().endsWith("/team/ann"));

        js(browser, "window.__pops = 0; addEventListener('popstate', () => { window.__pops++; })");
        browser.navigate().forward();                       // a pop to /team, cancelled by the step: undone with history.go(-1)
        Waits.until(browser, "the forward move and its undoing", d -> ((Number) js(d, "return window.__pops")).intValue() == 2
                && Boolean.FALSE.equals(js(d, "return document.documentElement.hasAttribute('data-ae-navigating')")));
        assertThat(browser.getCurrentUrl()).endsWith("/team/ann");
        assertThat(browser.findElement(By.id("member")).getText()).isEqualTo("ann");
        browser.navigate().forward();                       // the /team entry is still there to go forward to, and refused again
        Waits.until(browser, "the second forward move and its undoing", d -> ((Number) js(d, "return window.__pops")).intValue() == 4
                && Boolean.FALSE.equals(js(d, "return document.documentElement.hasAttribute('data-ae-navigating')")));
        assertThat(browser.getCurrentUrl()).endsWith("/team/ann");
        assertThat(sameDocument(browser)).isTrue();
    }

    @Test
    void theUrlTitleDescriptionAndActiveClassesFollowTheNavigation(WebDriver browser) {
        openMarked(browser, url("/"));
        assertThat(browser.findElement(By.id("link-home")).getDomAttribute("class")).isEqualTo("active here");

        browser.findElement(By.id("link-ann")).click();
        Waits.text(browser, By.id("member"), "ann");
        Waits.title(browser, "Member");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/team/ann"));
        assertThat(js(browser, "return document.querySelector('meta[name=description]').content")).isEqualTo("One of the team");
        Waits.until(browser, "the active classes to follow", d -> "active".equals(d.findElement(By.id("link-ann")).getDomAttribute("class")));
        assertThat(browser.findElement(By.id("link-team")).getDomAttribute("class")).as("/team is a segment prefix of /team/ann").isEqualTo("active");
        assertThat(browser.findElement(By.id("link-home")).getDomAttribute("class")).as("/ is active only on /").isIn(null, "");
        assertThat(browser.findElement(By.id("link-bob")).getDomAttribute("class")).isIn(null, "");
        assertThat(js(browser, "return document.documentElement.hasAttribute('data-ae-navigating')")).isEqualTo(false);
        assertThat(sameDocument(browser)).isTrue();
    }

    @Test
    void aModifierClickIsLeftToTheBrowser(WebDriver browser) {
        openMarked(browser, url("/team/ann"));
        String tab = browser.getWindowHandle();
        new Actions(browser).keyDown(Keys.CONTROL).click(browser.findElement(By.id("link-bob"))).keyUp(Keys.CONTROL).perform();
        Waits.until(browser, "the link to open in a new tab", d -> d.getWindowHandles().size() == 2);
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/team/ann"));
        assertThat(browser.findElement(By.id("member")).getText()).isEqualTo("ann");
        assertThat(js(browser, "return document.documentElement.hasAttribute('data-ae-navigating')")).as("no live navigation started").isEqualTo(false);
        for (String other : browser.getWindowHandles()) {
            if (!other.equals(tab)) {
                browser.switchTo().window(other).close();
            }
        }
        browser.switchTo().window(tab);
    }
}
