package dev.aether.web.router;

import static dev.aether.web.component.Components.component;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live navigation over a real WebSocket, as the router's runtime drives it: what the server
 * sends (only the outlet below the deepest shared layout, and the answer), the loaders it runs
 * (in parallel, once, from the cache when it can), the navigation steps, and revalidation.
 */
class LiveNavigationTest {
    public record ItemParams(int id) {
    }

    static final Route<NoParams> ROOT = Route.of("/");
    static final Route<NoParams> A = Route.of("/a");
    static final Route<NoParams> B = Route.of("/b");
    static final Route<ItemParams> ITEM = Route.of("/items/:id", ItemParams.class);
    static final Route<NoParams> GUARDED = Route.of("/guarded");
    static final Route<NoParams> MOVED = Route.of("/moved");

    static final AtomicInteger aLoads = new AtomicInteger(), itemLoads = new AtomicInteger(), counterLoads = new AtomicInteger();
    static final Loader<NoParams, String> A_DATA = Loader.of("a", args -> "a#" + aLoads.incrementAndGet());
    static final Loader<ItemParams, String> ITEM_DATA = Loader.of("item", args -> {
        itemLoads.incrementAndGet();
        return "item " + args.params().id();
    });
    static final Loader<NoParams, Integer> COUNTER = Loader.of("counter", args -> counterLoads.incrementAndGet());

    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        RouteTree tree = RouteTree.builder()
                .layout(Level.layout(ROOT, (ctx, outlet) -> div(attr("id", "shell"), nav(text("site nav"),
                                        Links.to(A, NoParams.NONE, text("A")).activeClass("active")),
                                        span(attr("id", "state"), text(() -> switch (ctx.navigation().get()) {
                                            case Navigation.Idle idle -> "idle";
                                            case Navigation.Loading loading -> "loading " + loading.location();
                                            case Navigation.Submitting submitting -> "submitting " + submitting.location();
                                        })),
                                        main(outlet))),
                        site -> site
                                .page(Level.page(A, "Page A", ctx -> p(attr("id", "a"), text(ctx.data(A_DATA)))).loader(A_DATA))
                                .page(Level.page(B, "Page B", ctx -> p(attr("id", "b"), text("bee"))).description("All about B"))
                                .page(Level.page(ITEM, "Item", ctx -> p(attr("id", "item"), text(ctx.data(ITEM_DATA)))).loader(ITEM_DATA))
                                .page(Level.page(GUARDED, "Guarded", ctx -> p(text("never shown"))))
                                .page(Level.page(MOVED, "Moved", ctx -> p(attr("id", "moved"), text("moved here"))))
                                .page(Level.page(Route.of("/counter"), "Counter", ctx -> component(() -> div(
                                                button(attr("id", "revalidate"), on("click", () -> ctx.navigator().revalidate()), text("again")),
                                                span(attr("id", "count"), text(() -> "count " + ctx.data(COUNTER))))))
                                        .loader(COUNTER)))
                .redirect("/old", "/a", 301)
                .beforeEach(to -> to.path().equals("/guarded") ? GuardDecision.cancel() : GuardDecision.allow())
                .beforeEach(to -> to.path().equals("/b") && to.request().query("go").equals("moved") ? GuardDecision.redirect("/moved") : GuardDecision.allow())
                .build();
        site = RunningSite.of(tree);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theFirstGetHandsItsLoaderResultsToTheLiveSessionSoNothingLoadsTwice() throws Exception {
        int before = itemLoads.get();
        try (LiveChannel page = site.live("/items/7")) {
            assertThat(page.html).contains("item 7");
            assertThat(itemLoads.get() - before).as("loader calls for GET + WebSocket connect").isEqualTo(1);
        }
    }

    @Test
    void aNavigationSendsOnlyTheOutletBelowTheSharedLayoutAndTheAnswer() throws Exception {
        try (LiveChannel page = site.live("/a")) {
            List<JsonNode> patches = page.navigate("push", "/b");
            JsonNode region = patches.stream().filter(p -> p.get(0).asText().equals("r")).findFirst().orElseThrow();
            assertThat(region.get(2).asText()).contains("<p id=\"b\">bee</p>").doesNotContain("site nav").doesNotContain("shell");
            assertThat(patches).allSatisfy(p -> assertThat(p.toString()).doesNotContain("site nav"));
            JsonNode answer = page.answerIn(patches);
            assertThat(answer.get("u").asText()).isEqualTo("/b");
            assertThat(answer.get("m").asText()).isEqualTo("push");
            assertThat(answer.get("t").asText()).isEqualTo("Page B");
            assertThat(answer.get("d").asText()).isEqualTo("All about B");
            assertThat(answer.has("f")).as("a full load").isFalse();
        }
    }

    @Test
    void theLayoutsActiveLinkFollowsTheLocation() throws Exception {
        try (LiveChannel page = site.live("/a")) {
            assertThat(page.html).containsPattern("<a [^>]*class=\"active\"[^>]*>A</a>");
            List<JsonNode> patches = page.navigate("push", "/b");
            assertThat(patches).anySatisfy(p -> assertThat(p.toString()).isEqualTo(toClassPatch(page.html, "active", 0)));
        }
    }

    private static String toClassPatch(String html, String name, int on) {
        Matcher m = Pattern.compile("<a data-ae=\"(\\d+)\"").matcher(html);
        assertThat(m.find()).as("the link's id").isTrue();
        return "[\"c\",\"" + m.group(1) + "\",\"" + name + "\"," + on + "]";
    }

    @Test
    void withoutTheRuntimeALinkIsAnOrdinaryLinkToAPageTheServerRenders() throws Exception {
        try (LiveChannel page = site.live("/b")) {
            Matcher link = Pattern.compile("<a [^>]*href=\"([^\"]+)\"[^>]*>A</a>").matcher(page.html);
            assertThat(link.find()).as("the layout's link").isTrue();
            assertThat(link.group(0)).contains("data-ae-link");
            try (LiveChannel target = site.live(link.group(1))) {   // what a browser without JavaScript does: a GET of the href
                assertThat(target.html).contains("<title>Page A</title>").contains("<p id=\"a\">a#");
            }
        }
    }

    @Test
    void theNavigationStateIsLoadingWithItsTargetUntilTheNewPageIsIn() throws Exception {
        try (LiveChannel page = site.live("/a")) {
            assertThat(page.html).contains("<span id=\"state\"><!--ae:t");
            List<String> texts = page.navigate("push", "/items/555").stream()
                    .filter(p -> p.get(0).asText().equals("t") || p.get(0).asText().equals("r")).map(p -> p.get(0).asText() + " " + p.get(2).asText()).toList();
            assertThat(texts).containsSubsequence("t loading /items/555", "r <p id=\"item\">item 555</p>", "t idle");
        }
    }

    @Test
    void aPageSeenRecentlyIsServedFromTheLoaderCache() throws Exception {
        int before = aLoads.get();
        try (LiveChannel page = site.live("/a")) {
            page.navigate("push", "/b");
            List<JsonNode> back = page.navigate("pop", "/a");
            assertThat(back.toString()).contains("a#" + (before + 1));
            assertThat(aLoads.get() - before).as("loader calls: the GET only; the way back read the cache").isEqualTo(1);
        }
    }

    @Test
    void aNewlyMatchedLevelsParamsMakeItsLoaderRun() throws Exception {
        int before = itemLoads.get();
        try (LiveChannel page = site.live("/items/100")) {
            List<JsonNode> patches = page.navigate("push", "/items/101");
            assertThat(patches.toString()).contains("item 101");
            assertThat(itemLoads.get() - before).isEqualTo(2);
        }
    }

    @Test
    void aUrlTheTreeDoesNotRenderIsAnsweredWithAFullLoad() throws Exception {
        try (LiveChannel page = site.live("/a")) {
            for (String url : List.of("/nowhere", "/old", "/items/abc")) {
                JsonNode answer = page.answerIn(page.navigate("push", url));
                assertThat(answer.get("f").asInt()).as(url).isEqualTo(1);
                assertThat(answer.get("u").asText()).isEqualTo(url);
            }
        }
    }

    @Test
    void aNavigationToAnythingButAPathOfThisSiteIsIgnored() throws Exception {
        try (LiveChannel page = site.live("/a")) {
            page.sendNavigation("1 push //evil.example/b");
            page.sendNavigation("2 push /\\evil.example");
            page.sendNavigation("3 push https://evil.example/");
            page.sendNavigation("4 jump /b");
            page.sendNavigation("no id at all");
            List<JsonNode> patches = page.navigate("push", "/b");   // its id is 1 again: the page's own counter
            assertThat(patches.stream().filter(page::isAnswer).toList()).as("answers").hasSize(1);
            assertThat(page.answerIn(patches).get("u").asText()).isEqualTo("/b");
        }
    }

    @Test
    void aGuardThatCancelsAPopKeepsThePageAndSaysSo() throws Exception {
        try (LiveChannel page = site.live("/a")) {
            List<JsonNode> patches = page.navigate("pop", "/guarded");
            assertThat(page.answerIn(patches).get("c").asInt()).isEqualTo(1);
            assertThat(patches).noneSatisfy(p -> assertThat(p.get(0).asText()).isEqualTo("r"));
        }
    }

    @Test
    void aGuardThatRedirectsNavigatesToItsLocationInstead() throws Exception {
        try (LiveChannel page = site.live("/a")) {
            List<JsonNode> patches = page.navigate("pop", "/b?go=moved");
            assertThat(patches.toString()).contains("moved here");
            JsonNode answer = page.answerIn(patches);
            assertThat(answer.get("u").asText()).isEqualTo("/moved");
            assertThat(answer.get("m").asText()).as("a popped entry is replaced by the redirect's").isEqualTo("replace");
        }
    }

    @Test
    void revalidationRunsTheLoadersAgainAndUpdatesWhatReadThem() throws Exception {
        try (LiveChannel page = site.live("/counter")) {
            int loaded = counterLoads.get();
            assertThat(page.html).contains("count " + loaded);
            Matcher button = Pattern.compile("<button data-ae=\"(\\d+)\" id=\"revalidate\"").matcher(page.html);
            assertThat(button.find()).isTrue();
            page.click(button.group(1));
            List<JsonNode> patches = page.until(p -> p.toString().contains("count " + (loaded + 1)));
            assertThat(patches.getLast().get(0).asText()).as("a text patch, not a new page").isEqualTo("t");
        }
    }
}
