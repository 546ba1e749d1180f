package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Guards, blockers and prefetch on live navigations, over a real WebSocket as the router's
 * runtime drives them: what the server answers (cancel, redirect, blocked, commit), which
 * loaders and hooks run, and how much a page may prefetch.
 */
class LiveGuardsTest {
    public record DocParams(int id) {
    }

    static final Route<NoParams> ROOT = Route.of("/");
    static final Route<NoParams> HOME = Route.of("/home");
    static final Route<NoParams> CLOSED = Route.of("/closed");
    static final Route<NoParams> OLD = Route.of("/old");
    static final Route<NoParams> EDITOR = Route.of("/editor");
    static final Route<DocParams> DOC = Route.of("/docs/:id", DocParams.class);
    static final Route<NoParams> SECRET = Route.of("/secret");

    static final AtomicInteger docLoads = new AtomicInteger(), secretLoads = new AtomicInteger();
    /** Holds the loaders of docs 100 and above until released: a prefetch of one stays in flight. */
    static final CountDownLatch slowDocs = new CountDownLatch(1);
    static final Loader<DocParams, String> DOC_DATA = Loader.of("doc", args -> {
        int load = docLoads.incrementAndGet();
        if (args.params().id() >= 100) {
            slowDocs.await();
        }
        return "doc " + args.params().id() + " load " + load;
    });
    static final Loader<NoParams, String> SECRET_DATA = Loader.of("secret", args -> "secret " + secretLoads.incrementAndGet());
    static final List<String> committed = new CopyOnWriteArrayList<>();
    static final List<Destination.Kind> kinds = new CopyOnWriteArrayList<>();

    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        RouteTree tree = RouteTree.builder()
                .beforeEach(to -> {
                    kinds.add(to.kind());
                    return to.path().equals("/old") ? GuardDecision.redirect("/docs/1") : GuardDecision.allow();
                })
                .afterEach(to -> committed.add(to.kind() + " " + to.path()))
                .prefetchLimits(new PrefetchLimits(1, 3, Duration.ofHours(1)))
                .layout(Level.layout(ROOT, (ctx, outlet) -> div(attr("id", "shell"), main(outlet))),
                        site -> site
                                .page(Level.page(HOME, "Home", ctx -> p(attr("id", "home"), text("home"))))
                                .page(Level.page(CLOSED, "Closed", ctx -> p(text("never shown"))).guard((params, to) -> GuardDecision.cancel()))
                                .page(Level.page(OLD, "Old", ctx -> p(text("never shown"))))
                                .page(Level.page(DOC, "Doc", ctx -> p(attr("id", "doc"), text(() -> ctx.data(DOC_DATA)))).loader(DOC_DATA))
                                .page(Level.page(SECRET, "Secret", ctx -> p(text(() -> ctx.data(SECRET_DATA)))).loader(SECRET_DATA)
                                        .guard((params, to) -> to.kind() == Destination.Kind.PREFETCH ? GuardDecision.cancel() : GuardDecision.allow()))
                                .page(Level.page(EDITOR, "Editor", ctx -> {
                                    Signal<Boolean> dirty = Reactive.signal(false);
                                    ctx.blocker(dirty, "Discard your draft?");
                                    return div(button(attr("id", "type"), on("click", e -> dirty.set(true)), text("type")),
                                            button(attr("id", "save"), on("click", e -> dirty.set(false)), text("save")));
                                })))
                .build();
        site = RunningSite.of(tree);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    private static boolean isRegion(JsonNode patch) {
        return patch.get(0).asText().equals("r");
    }

    private static String elementId(LiveChannel page, String id) {
        Matcher m = Pattern.compile("<button data-ae=\"(\\d+)\" id=\"" + id + "\"").matcher(page.html);
        assertThat(m.find()).as("button " + id + " in the page").isTrue();
        return m.group(1);
    }

    private static boolean dirtyPatch(JsonNode patch, boolean present) {
        return patch.get(0).asText().equals("a") && patch.get(2).asText().equals("data-ae-dirty") && (patch.get(3).isNull() != present);
    }

    @Test
    void aGuardThatCancelsAPushChangesNothingAndRunsNoAfterHook() throws Exception {
        try (LiveChannel page = site.live("/home")) {
            committed.clear();
            List<JsonNode> patches = page.navigate("push", "/closed");

            assertThat(page.answerIn(patches).get("c").asInt()).isEqualTo(1);
            assertThat(patches).noneSatisfy(p -> assertThat(isRegion(p)).isTrue());
            assertThat(committed).isEmpty();
        }
    }

    @Test
    void backAndForwardRunTheGuardsAndACancelledPopIsUndone() throws Exception {
        try (LiveChannel page = site.live("/home")) {
            kinds.clear();
            JsonNode answer = page.answerIn(page.navigate("pop", "/closed"));

            assertThat(answer.get("c").asInt()).as("cancelled: the runtime goes back in history").isEqualTo(1);
            assertThat(answer.get("m").asText()).isEqualTo("pop");
            assertThat(kinds).containsExactly(Destination.Kind.POP);
        }
    }

    @Test
    void aGuardsRedirectNavigatesLiveToItsLocationAndTheAfterHooksRunOnceForIt() throws Exception {
        try (LiveChannel page = site.live("/home")) {
            committed.clear();
            List<JsonNode> patches = page.navigate("push", "/old");

            assertThat(patches.toString()).contains("doc 1 load");
            JsonNode answer = page.answerIn(patches);
            assertThat(answer.get("u").asText()).isEqualTo("/docs/1");
            assertThat(answer.has("f")).as("not a full load").isFalse();
            assertThat(committed).containsExactly("PUSH /docs/1");
        }
    }

    @Test
    void aDirtyBlockerStopsANavigationUntilTheUserAgreesThenItGoesThrough() throws Exception {
        try (LiveChannel page = site.live("/editor")) {
            page.click(elementId(page, "type"));
            page.until(p -> dirtyPatch(p, true));   // the runtime learns "something is dirty", for beforeunload

            List<JsonNode> blocked = page.navigate("push", "/home");
            JsonNode answer = page.answerIn(blocked);
            assertThat(answer.get("b").asText()).isEqualTo("Discard your draft?");
            assertThat(answer.get("u").asText()).isEqualTo("/home");
            assertThat(blocked).noneSatisfy(p -> assertThat(isRegion(p)).isTrue());

            List<JsonNode> forced = page.navigate("push!", "/home");
            assertThat(forced.toString()).contains("<p id=\\\"home\\\">home</p>");
            assertThat(page.answerIn(forced).get("u").asText()).isEqualTo("/home");
            assertThat(forced).as("the editor's blocker left with it").anySatisfy(p -> assertThat(dirtyPatch(p, false)).isTrue());
        }
    }

    @Test
    void aCleanBlockerLetsTheNavigationThrough() throws Exception {
        try (LiveChannel page = site.live("/editor")) {
            page.click(elementId(page, "type"));
            page.until(p -> dirtyPatch(p, true));
            page.click(elementId(page, "save"));
            page.until(p -> dirtyPatch(p, false));

            JsonNode answer = page.answerIn(page.navigate("pop", "/home"));
            assertThat(answer.has("b")).isFalse();
            assertThat(answer.get("u").asText()).isEqualTo("/home");
        }
    }

    @Test
    void aPrefetchRunsTheTargetsLoadersSoItsNavigationRunsNone() throws Exception {
        try (LiveChannel page = site.live("/home")) {
            int before = docLoads.get();
            page.prefetch("/docs/41");
            RunningSite.waitUntil(() -> docLoads.get() == before + 1);

            List<JsonNode> patches = page.navigate("push", "/docs/41");
            assertThat(patches.toString()).contains("doc 41 load " + (before + 1));
            assertThat(docLoads.get()).as("no loader call on the navigation").isEqualTo(before + 1);
        }
    }

    @Test
    void aPrefetchOutsideTheTreeOrRefusedByAGuardRunsNothing() throws Exception {
        try (LiveChannel page = site.live("/home")) {
            int secrets = secretLoads.get();
            page.prefetch("/nowhere/at/all");
            page.prefetch("/secret");
            page.prefetch("//evil.example/x");
            // a navigation after them is answered in order: the prefetches were handled before it
            page.navigate("push", "/home");
            assertThat(secretLoads.get()).isEqualTo(secrets);
        }
    }

    @Test
    void aPageCannotHaveMorePrefetchesInFlightThanItsLimitTheRestAreDropped() throws Exception {
        try (LiveChannel page = site.live("/home")) {
            int before = docLoads.get();
            for (int i = 100; i < 120; i++) {
                page.prefetch("/docs/" + i);
            }
            RunningSite.waitUntil(() -> docLoads.get() == before + 1);   // the first one runs, and holds the only place
            page.navigate("push", "/home");   // answered after the server handled every prefetch sent before it

            assertThat(docLoads.get() - before).as("1 in flight; the 19 others dropped, not queued").isEqualTo(1);
            slowDocs.countDown();
        }
    }
}
