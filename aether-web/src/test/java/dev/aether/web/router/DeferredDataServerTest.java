package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static dev.aether.web.router.RunningSite.readToEnd;
import static dev.aether.web.router.RunningSite.readUntil;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.AetherWeb;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deferred data over plain HTTP against a real Titan: the shell of a page arrives before its
 * deferred value exists, the value follows in the same response as a streamed chunk, and a
 * failed, late or abandoned value is shown, logged and stopped.
 */
class DeferredDataServerTest {
    @RegisterExtension
    final CapturedLog awaitLog = CapturedLog.of(Await.class);

    public record Product(String name, Deferred<List<String>> reviews) {
    }

    /** Opened by each test that needs the reviews to arrive: until then the deferred work waits. */
    static final AtomicReference<CountDownLatch> reviewsGate = new AtomicReference<>(new CountDownLatch(1));
    static final AtomicReference<CountDownLatch> lateWorkInterrupted = new AtomicReference<>(new CountDownLatch(1));
    static final AtomicReference<CountDownLatch> unawaitedWorkInterrupted = new AtomicReference<>(new CountDownLatch(1));

    static final Loader<NoParams, Product> PRODUCT = Loader.of("product", args -> {
        CountDownLatch gate = reviewsGate.get();
        return new Product("Lamp", args.defer("reviews", () -> {
            gate.await();
            return List.of("bright", "warm");
        }));
    });
    static final Loader<NoParams, Deferred<String>> BROKEN_REVIEWS = Loader.of("broken-reviews", args -> args.defer("reviews", () -> {
        throw new IllegalStateException("reviews database refused user admin");
    }));
    static final Loader<NoParams, Deferred<String>> LATE_REVIEWS = Loader.of("late-reviews", args -> {
        CountDownLatch interrupted = lateWorkInterrupted.get();
        return args.defer("late", Duration.ofMillis(300), () -> waitForever(interrupted));
    });
    static final Loader<NoParams, Deferred<String>> UNAWAITED = Loader.of("unawaited", args -> {
        CountDownLatch interrupted = unawaitedWorkInterrupted.get();
        return args.defer("unawaited", Duration.ofMinutes(5), () -> waitForever(interrupted));
    });

    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        RouteTree tree = RouteTree.builder()
                .page(dev.aether.web.router.Level.page(Route.of("/product"), "Product", ctx -> div(
                        h1(attr("id", "name"), text(ctx.data(PRODUCT).name())),
                        ctx.await(ctx.data(PRODUCT).reviews(), reviews -> ul(attr("id", "reviews"), text(String.join(" and ", reviews))),
                                () -> p(attr("id", "reviews-loading"), text("Loading reviews"))))).loader(PRODUCT))
                .layout(dev.aether.web.router.Level.layout(Route.of("/section"), (ctx, outlet) -> section(outlet))
                                .errorBoundary(error -> p(attr("id", "section-error"), text("Section failed, error id "
                                        + ((DeferredFailedException) error).errorId()))),
                        section -> section
                                .page(dev.aether.web.router.Level.page(Route.of("/section/broken"), "Broken", ctx -> div(
                                        h1(text("Broken reviews")),
                                        ctx.await(BROKEN_REVIEWS, text -> p(text(text)), () -> p(text("Loading reviews"))))).loader(BROKEN_REVIEWS))
                                .page(dev.aether.web.router.Level.page(Route.of("/section/own-error"), "Own error", ctx -> div(
                                        ctx.await(BROKEN_REVIEWS, text -> p(text(text)), () -> p(text("Loading reviews")))
                                                .onError(error -> p(attr("id", "own-error"), text("Reviews are unavailable"))))).loader(BROKEN_REVIEWS)))
                .page(dev.aether.web.router.Level.page(Route.of("/late"), "Late", ctx -> div(
                        ctx.await(LATE_REVIEWS, text -> p(text(text)), () -> p(text("Loading reviews"))))).loader(LATE_REVIEWS))
                .page(dev.aether.web.router.Level.page(Route.of("/unawaited"), "Unawaited", ctx -> p(attr("id", "plain"), text("Nothing awaited")))
                        .loader(UNAWAITED))
                .build();
        AetherWeb web = AetherWeb.builder().routes(tree).gracePeriod(Duration.ofSeconds(1)).build();
        site = RunningSite.of(web);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theShellArrivesBeforeTheDeferredValueExistsAndTheValueFollowsInTheSameResponse() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        reviewsGate.set(gate);
        try (InputStream body = site.stream("/product")) {
            String shell = readUntil(body, "Loading reviews");
            assertThat(shell).contains("<h1 id=\"name\">Lamp</h1>").doesNotContain("bright");

            gate.countDown();   // only now does the deferred work finish
            String rest = readToEnd(body);
            assertThat(rest).contains("<ul id=\"reviews\">bright and warm</ul>")
                    .contains("<template data-ae-chunk=")
                    .endsWith("</body></html>");
        }
    }

    @Test
    void aFailedDeferredValueShowsTheNearestErrorBoundaryWithTheIdItWasLoggedUnder() throws Exception {
        String page = get("/section/broken");

        assertThat(page).contains("Broken reviews").contains("Section failed, error id ").doesNotContain("refused user admin");
        String shownId = page.replaceAll("(?s).*Section failed, error id ([0-9a-f-]+).*", "$1");
        assertThat(awaitLog.take(Level.ERROR)).singleElement().satisfies(logged -> {
            assertThat(logged.getFormattedMessage()).isEqualTo("deferred reviews failed (error id " + shownId + ")");
            assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("reviews database refused user admin");
        });
    }

    @Test
    void anAwaitsOwnErrorViewWinsOverTheLevelsBoundary() throws Exception {
        String page = get("/section/own-error");

        assertThat(page).contains("<p id=\"own-error\">Reviews are unavailable</p>").doesNotContain("Section failed");
        assertThat(awaitLog.take(Level.ERROR)).hasSize(1);
    }

    @Test
    void aDeferredValueStillPendingAtItsDeadlineShowsTheErrorViewAndItsWorkIsInterrupted() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        lateWorkInterrupted.set(interrupted);

        String page = get("/late");

        assertThat(page).contains("This part of the page could not be loaded (error id ");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(awaitLog.take(Level.ERROR)).singleElement()
                .satisfies(logged -> assertThat(logged.getFormattedMessage()).startsWith("deferred late was still pending at its deadline (error id "));
    }

    @Test
    void deferredWorkIsCancelledWhenThePageIsGone() throws Exception {
        CountDownLatch interrupted = new CountDownLatch(1);
        unawaitedWorkInterrupted.set(interrupted);

        assertThat(get("/unawaited")).contains("Nothing awaited");

        // No browser attaches: the session ends after its 1 s grace period, and with it the page's work.
        assertThat(interrupted.await(20, TimeUnit.SECONDS)).isTrue();
    }

    static String waitForever(CountDownLatch interrupted) throws InterruptedException {
        try {
            new CountDownLatch(1).await();   // a service that never answers
            return "never";
        } catch (InterruptedException e) {
            interrupted.countDown();
            throw e;
        }
    }

    /** The whole body of a GET of {@code path} that answers 200. */
    static String get(String path) throws Exception {
        try (InputStream body = site.stream(path)) {
            return readToEnd(body);
        }
    }
}
