package dev.aether.web.router;

import static dev.aether.web.browser.LivePages.js;
import static dev.aether.web.browser.LivePages.open;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.browser.BrowserTest;
import dev.aether.web.browser.Waits;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Forms and fetchers in Chromium with the live runtime: a live submission runs the same handler
 * a post would (the same store changes) and the page's loader runs again after it, on screen,
 * without a reload; fetchers load and submit beside the page, at once, each with its own state,
 * readable by key elsewhere on the page.
 */
@BrowserTest
class FormsAndFetchersBrowserTest {
    public record NewItem(@NotBlank(message = "Name it") String name) {
    }

    public record ItemParams(String name) {
    }

    static final List<String> items = new CopyOnWriteArrayList<>();
    static volatile CountDownLatch slowGate = new CountDownLatch(0);

    /** Holds the COUNT loader (a revalidation after an action) while the test looks at the pending state. */
    static volatile CountDownLatch countGate = new CountDownLatch(0);
    static final Loader<NoParams, Integer> COUNT = Loader.of("count", args -> {
        if (!countGate.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        return items.size();
    });
    static final Action<NewItem> ADD = Action.of("add", NewItem.class, item -> {
        items.add(item.name());
        return Action.done();
    });
    static final Loader<ItemParams, String> SLOW = Loader.of("slow", args -> {
        if (!slowGate.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never opened the gate");
        }
        return "loaded " + args.params().name();
    });
    static final Loader<ItemParams, String> FAST = Loader.of("fast", args -> "quick " + args.params().name());
    static final FetcherKey<String> SLOW_ONE = FetcherKey.named("slow-one");
    static final FetcherKey<String> FAST_ONE = FetcherKey.named("fast-one");
    static final FetcherKey<String> SUBMITTER = FetcherKey.named("submitter");

    static Titan titan;

    @BeforeAll
    static void start() {
        RouteTree tree = RouteTree.builder()
                .layout(Level.layout(Route.of("/"), (ctx, outlet) -> div(
                                // elsewhere on the page: the layout reads the page's fetcher by its key
                                p(id("slow-state-elsewhere"), text(() -> ctx.fetcher(SLOW_ONE).state().name())),
                                p(id("navigation"), text(() -> switch (ctx.navigation().get()) {
                                    case Navigation.Idle idle -> "idle";
                                    case Navigation.Loading loading -> "loading " + loading.location();
                                    case Navigation.Submitting submitting -> "submitting " + submitting.location();
                                })),
                                outlet)),
                        site -> site.page(Level.page(Route.of("/items"), "Items", ctx -> {
                            Form<NewItem> add = ctx.form(ADD);
                            Fetcher<String> slow = ctx.fetcher(SLOW_ONE);
                            Fetcher<String> fast = ctx.fetcher(FAST_ONE);
                            Fetcher<String> submitter = ctx.fetcher(SUBMITTER);
                            Form<NewItem> quietAdd = submitter.form(ADD);
                            return section(
                                    p(id("count"), text(() -> String.valueOf(ctx.data(COUNT)))),
                                    add.render(id("add"), add.input("name", id("name")), button(id("add-button"), type("submit"), text("Add")),
                                            p(id("name-error"), text(() -> add.error("name").orElse("")))),
                                    button(id("load-slow"), on("click", () -> slow.load(SLOW, new ItemParams("a"))), text("Slow")),
                                    button(id("load-fast"), on("click", () -> fast.load(FAST, new ItemParams("b"))), text("Fast")),
                                    p(id("slow-state"), text(() -> slow.state().name())),
                                    p(id("slow-data"), text(() -> slow.data().orElse(""))),
                                    p(id("fast-state"), text(() -> fast.state().name())),
                                    p(id("fast-data"), text(() -> fast.data().orElse(""))),
                                    quietAdd.render(id("quiet-add"), quietAdd.input("name", id("quiet-name")), button(id("quiet-button"), type("submit"), text("Add quietly"))),
                                    p(id("submitter-state"), text(() -> submitter.state().name())),
                                    p(id("submitter-outcome"), text(() -> submitter.outcome().map(o -> o.getClass().getSimpleName()).orElse(""))));
                        }).loader(COUNT).action(ADD)))
                .build();
        titan = Titan.builder().port(0).mount(AetherWeb.builder().routes(tree).build()).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    @BeforeEach
    void empty() {
        items.clear();
        slowGate = new CountDownLatch(0);
        countGate = new CountDownLatch(0);
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + titan.port() + path;
    }

    @Test
    void aLiveSubmissionRunsTheSameHandlerAndThePagesLoaderRunsAgainOnScreenWithoutAReload(WebDriver browser) {
        open(browser, url("/items"));
        Waits.text(browser, By.id("count"), "0");
        js(browser, "window.__samePage = true");

        browser.findElement(By.id("name")).sendKeys("milk");
        browser.findElement(By.id("add-button")).click();

        Waits.text(browser, By.id("count"), "1");   // the COUNT loader ran again after the action
        assertThat(items).containsExactly("milk");  // the same handler as a post's
        Waits.until(browser, "the field cleared", d -> "".equals(d.findElement(By.id("name")).getDomProperty("value")));
        assertThat(js(browser, "return window.__samePage === true")).isEqualTo(true);
        assertThat(browser.getCurrentUrl()).endsWith("/items");
    }

    @Test
    void thePagesNavigationStateIsSubmittingUntilItsActionsRevalidationIsIn(WebDriver browser) {
        open(browser, url("/items"));
        Waits.text(browser, By.id("navigation"), "idle");
        countGate = new CountDownLatch(1);

        browser.findElement(By.id("name")).sendKeys("tea");
        browser.findElement(By.id("add-button")).click();

        Waits.text(browser, By.id("navigation"), "submitting /items");
        assertThat(browser.findElement(By.id("count")).getText()).as("the loader still held").isEqualTo("0");
        countGate.countDown();
        Waits.text(browser, By.id("count"), "1");
        Waits.text(browser, By.id("navigation"), "idle");
    }

    @Test
    void anInvalidLiveSubmissionShowsTheMessageInPlaceAndRunsNothing(WebDriver browser) {
        open(browser, url("/items"));
        browser.findElement(By.id("add-button")).click();

        Waits.text(browser, By.id("name-error"), "Name it");
        assertThat(items).isEmpty();
        assertThat(browser.findElement(By.id("count")).getText()).isEqualTo("0");
    }

    @Test
    void twoFetchersLoadAtOnceEachWithItsOwnStateReadableByKeyElsewhere(WebDriver browser) {
        slowGate = new CountDownLatch(1);
        open(browser, url("/items"));

        browser.findElement(By.id("load-slow")).click();
        Waits.text(browser, By.id("slow-state"), "LOADING");
        Waits.text(browser, By.id("slow-state-elsewhere"), "LOADING");
        browser.findElement(By.id("load-fast")).click();
        Waits.text(browser, By.id("fast-data"), "quick b");   // done while the slow one still loads
        assertThat(browser.findElement(By.id("fast-state")).getText()).isEqualTo("IDLE");
        assertThat(browser.findElement(By.id("slow-state")).getText()).isEqualTo("LOADING");

        slowGate.countDown();
        Waits.text(browser, By.id("slow-data"), "loaded a");
        Waits.text(browser, By.id("slow-state"), "IDLE");
        Waits.text(browser, By.id("slow-state-elsewhere"), "IDLE");
        assertThat(browser.getCurrentUrl()).endsWith("/items");
    }

    @Test
    void aFetchersFormSubmitsBesideThePageAndThePageStays(WebDriver browser) {
        open(browser, url("/items"));
        js(browser, "window.__samePage = true");

        browser.findElement(By.id("quiet-name")).sendKeys("bread");
        browser.findElement(By.id("quiet-button")).click();

        Waits.text(browser, By.id("submitter-outcome"), "Done");
        Waits.text(browser, By.id("submitter-state"), "IDLE");
        Waits.text(browser, By.id("count"), "1");
        assertThat(items).containsExactly("bread");
        assertThat(js(browser, "return window.__samePage === true")).isEqualTo(true);
    }
}
