package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forms declared once, submitted without JavaScript to a real Titan: a post runs the route's
 * action named by the form, then redirects (303) to a GET that loads afresh, or renders the page
 * again with the messages and the values as typed (422). Forged or unknown actions are a 400.
 */
class FormActionServerTest {
    private static final Pattern CSRF_COOKIE = Pattern.compile("aether_csrf=([^;]+)");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]*)\"");

    public record NewNote(@NotBlank(message = "Write something") @Size(max = 20, message = "At most 20 characters") String text,
                          @Min(value = 1, message = "From 1") @Max(value = 5, message = "To 5") int priority) {
    }

    public record NoteRef(int index) {
    }

    public record Search(String q) {
    }

    static final List<String> notes = new CopyOnWriteArrayList<>();
    static final Loader<NoParams, List<String>> NOTES = Loader.of("notes", args -> List.copyOf(notes));
    static final Action<NewNote> ADD = Action.of("add", NewNote.class, note -> {
        notes.add(note.priority() + ":" + note.text());
        return Action.done();
    });
    static final Action<NoteRef> REMOVE = Action.of("remove", NoteRef.class, ref -> {
        notes.remove(ref.index());
        return Action.done();
    });
    static final Action<Search> SEARCH = Action.of("search", Search.class, search -> Action.redirect("/found?q=" + search.q().length()));
    static final Route<NoParams> NOTES_PAGE = Route.of("/notes");

    static RouteTree tree;
    static RunningSite site;

    @BeforeAll
    static void start() {
        tree = RouteTree.builder()
                .layout(Level.layout(Route.of("/"), (ctx, outlet) -> div(nav(ctx.form(SEARCH).render(ctx.form(SEARCH).input("q"))), outlet))
                                .action(SEARCH),
                        site -> site
                                .page(Level.page(NOTES_PAGE, "Notes", ctx -> {
                                    Form<NewNote> add = ctx.form(ADD);
                                    Form<NoteRef> remove = ctx.form(REMOVE);
                                    List<String> loaded = ctx.data(NOTES);
                                    return section(
                                            ul(attr("id", "notes"), fragment(java.util.stream.IntStream.range(0, loaded.size())
                                                    .mapToObj(i -> li(span(text(loaded.get(i))),
                                                            remove.render(remove.hidden(new NoteRef(i)), button(type("submit"), text("Remove")))))
                                                    .toList())),
                                            add.render(attr("id", "add"),
                                                    add.input("text", attr("id", "text")),
                                                    add.input("priority", attr("id", "priority")),
                                                    p(attr("id", "text-error"), text(() -> add.error("text").orElse(""))),
                                                    p(attr("id", "priority-error"), text(() -> add.error("priority").orElse("")))));
                                }).loader(NOTES).action(ADD).action(REMOVE)))
                .page(Level.page(Route.of("/plain"), "Plain", ctx -> p(text("no forms"))))
                .build();
        site = RunningSite.of(tree);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @BeforeEach
    void empty() {
        notes.clear();
    }

    @Test
    void aPostRunsTheNamedActionThenRedirectsToAGetThatLoadsAfresh() throws Exception {
        HttpResponse<String> posted = post("/notes", Map.of("_action", "add", "text", "buy milk", "priority", "2"));

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/notes"));
        assertThat(notes).containsExactly("2:buy milk");
        assertThat(site.get("/notes").body()).contains("<span>2:buy milk</span>");
    }

    @Test
    void aPostThatIsDoneForgetsThePagesCachedLoaderValuesSoLiveNavigationsLoadThemAfreshToo() throws Exception {
        site.get("/notes");
        assertThat(tree.loaderCache().get(NOTES, NoParams.NONE, java.util.Optional.empty())).isPresent();

        assertThat(post("/notes", Map.of("_action", "add", "text", "tea", "priority", "1")).statusCode()).isEqualTo(303);

        assertThat(tree.loaderCache().get(NOTES, NoParams.NONE, java.util.Optional.empty())).isEmpty();
    }

    @Test
    void aRowsFormCarriesItsRowInHiddenFieldsAndRunsTheSameActionForEveryRow() throws Exception {
        notes.addAll(List.of("1:a", "1:b", "1:c"));
        String page = site.get("/notes").body();
        assertThat(page).contains("<input type=\"hidden\" name=\"_action\" value=\"remove\"><input type=\"hidden\" name=\"index\" value=\"1\">");

        assertThat(post("/notes", Map.of("_action", "remove", "index", "1")).statusCode()).isEqualTo(303);

        assertThat(notes).containsExactly("1:a", "1:c");
    }

    @Test
    void invalidFieldsAre422WithTheMessagesAndTheValuesAsTypedEscaped() throws Exception {
        HttpResponse<String> posted = post("/notes", Map.of("_action", "add", "text", "<b>far too long for a note</b>", "priority", "9"));

        assertThat(posted.statusCode()).isEqualTo(422);
        assertThat(notes).isEmpty();
        assertThat(withoutMarkers(posted.body()))
                .contains("<p id=\"text-error\">At most 20 characters</p>")
                .contains("<p id=\"priority-error\">To 5</p>")
                .contains("value=\"&lt;b&gt;far too long for a note&lt;/b&gt;\"")
                .contains("value=\"9\"")
                .doesNotContain("<b>far");
    }

    @Test
    void aValueThatDoesNotConvertIsAMessageForItsField() throws Exception {
        HttpResponse<String> posted = post("/notes", Map.of("_action", "add", "text", "ok", "priority", "high"));

        assertThat(posted.statusCode()).isEqualTo(422);
        assertThat(withoutMarkers(posted.body())).contains("<p id=\"priority-error\">must be a whole number</p>").contains("<p id=\"text-error\"></p>");
    }

    @Test
    void anActionOfTheLayoutIsTakenByEveryPageBelowIt() throws Exception {
        HttpResponse<String> posted = post("/notes", Map.of("_action", "search", "q", "abc"));

        assertThat(posted.statusCode()).isEqualTo(303);
        assertThat(posted.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/found?q=3"));
    }

    @Test
    void anUnknownOrMissingActionIsA400SayingSoNotA500() throws Exception {
        HttpResponse<String> forged = post("/notes", Map.of("_action", "drop-tables", "text", "x"));
        HttpResponse<String> none = post("/notes", Map.of("text", "x"));

        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("This form names action &quot;drop-tables&quot;, which this page does not take (it takes [add, remove, search])");
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("This form names no action");
        assertThat(notes).isEmpty();
    }

    @Test
    void aPostToARoutedPageWithoutActionsIsStillMethodNotAllowed() throws Exception {
        HttpResponse<String> refused = site.send(site.request("/plain")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_action=search&q=x")).build());

        assertThat(refused.statusCode()).isEqualTo(405);
        assertThat(refused.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void aPostWithoutTheCsrfFieldIsRefusedBeforeTheActionRuns() throws Exception {
        HttpResponse<String> refused = site.send(site.request("/notes")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_action=add&text=x&priority=1")).build());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(notes).isEmpty();
    }

    /** The page as the browser shows it: without the live runtime's comment markers around dynamic text. */
    static String withoutMarkers(String html) {
        return html.replaceAll("<!--/?ae:[^>]*-->", "");
    }

    /** Posts {@code fields} as the page's form would: with the CSRF cookie and field its GET gave. */
    static HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        HttpResponse<String> page = site.get(path);
        String cookie = group(CSRF_COOKIE, page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("aether_csrf=")).findFirst().orElseThrow());
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", group(CSRF_FIELD, page.body()));
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return site.send(site.request(path)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "aether_csrf=" + cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as("%s in %s", pattern, text).isTrue();
        return m.group(1);
    }
}
