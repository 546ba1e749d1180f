package dev.aether.web.live;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.BrowserStorage;
import dev.aether.web.protocol.LiveProtocol;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A value persisted in browser storage, on a live session: rendered, restored by the persist part's event, written back by patches. */
class BrowserStorageLiveTest {
    public enum Sort { NAME, NEWEST }

    private Signal<Sort> sort;

    private LiveHarness page() {
        return LiveHarness.render(() -> {
            sort = Reactive.signal(Sort.NAME);
            return div(BrowserStorage.local().persist(sort, "team.sort", Sort.class),
                    p(id("sort"), text(() -> sort.get().name())),
                    button(id("newest"), on("click", () -> sort.set(Sort.NEWEST)), text("Newest")));
        });
    }

    /** The live id of the persisted value's hidden input. */
    private static String inputId(String html) {
        Matcher m = Pattern.compile("<input type=\"hidden\"[^>]*data-ae=\"([^\"]+)\"|<input data-ae=\"([^\"]+)\" type=\"hidden\"").matcher(html);
        assertThat(m.find()).as("the persisted value's input in " + html).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    @Test
    void aPersistedValueRendersAHiddenInputNamingItsStorageKeyAndStoredText() {
        try (LiveHarness live = page()) {
            assertThat(live.body()).contains("<span hidden " + LiveProtocol.Persist.STORAGE_ATTRIBUTE + "=\"local\" "
                    + LiveProtocol.Persist.KEY_ATTRIBUTE + "=\"team.sort\" " + LiveProtocol.Persist.DEBOUNCE_ATTRIBUTE + "=\"250\">");
            assertThat(live.body()).contains("value=\"{&quot;v&quot;:1,&quot;d&quot;:&quot;NAME&quot;}\"");
        }
    }

    @Test
    void aPagePersistingAValueAsksForThePersistPartAndOtherPagesDoNot() {
        try (LiveHarness persisting = page(); LiveHarness plain = LiveHarness.render(() -> p(text("nothing kept")))) {
            assertThat(persisting.session.runtimeParts()).containsExactly(LiveProtocol.Paths.PERSIST_RUNTIME);
            assertThat(plain.session.runtimeParts()).isEmpty();
        }
    }

    @Test
    void theRestoredValueSetsTheSignalAndTheFirstPatchCarriesIt() {
        try (LiveHarness live = page()) {
            live.event(inputId(live.body()), LiveProtocol.Persist.RESTORE_EVENT, Map.of("value", "{\"v\":1,\"d\":\"NEWEST\"}"));
            assertThat(live.call(() -> sort.peek())).isEqualTo(Sort.NEWEST);
            assertThat(live.patches()).contains(new Patch.Text(textId(live.body()), "NEWEST"));
        }
    }

    @Test
    void aChangeRewritesTheStoredTextThroughTheBoundValueAttribute() {
        try (LiveHarness live = page()) {
            live.event(idOf(live.body(), "newest"), "click");
            assertThat(live.patches()).contains(new Patch.Attr(inputId(live.body()), "value", "{\"v\":1,\"d\":\"NEWEST\"}"));
        }
    }

    @Test
    void aHostileStoredValueIsRefusedWithAClearMessageAndTheValueIsKept() {
        try (LiveHarness live = page()) {
            live.event(inputId(live.body()), LiveProtocol.Persist.RESTORE_EVENT, Map.of("value", "{\"v\":1,\"d\":\"<img src=x onerror=alert(1)>\"}"));
            Patch.Rejected refused = live.onlyPatch(Patch.Rejected.class);
            assertThat(refused.message()).startsWith("stored value 'team.sort' (localStorage) ignored: not a valid Sort (");
            assertThat(live.call(() -> sort.peek())).isEqualTo(Sort.NAME);
            live.event(idOf(live.body(), "newest"), "click");   // and the page goes on working
            assertThat(live.call(() -> sort.peek())).isEqualTo(Sort.NEWEST);
        }
    }

    private static String textId(String html) {
        Matcher m = Pattern.compile("<p id=\"sort\"><!--ae:t([^-]+)-->").matcher(html);
        assertThat(m.find()).as("the sort's text marker in " + html).isTrue();
        return m.group(1);
    }

    private static String idOf(String html, String elementId) {
        Matcher m = Pattern.compile("<[a-z]+ (?:data-ae=\"([^\"]+)\" id=\"" + elementId + "\"|id=\"" + elementId + "\"[^>]*data-ae=\"([^\"]+)\")").matcher(html);
        assertThat(m.find()).as("element " + elementId + " in " + html).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
