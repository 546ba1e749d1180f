package dev.aether.web.live;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.AetherWeb;
import dev.aether.web.BrowserStorage;
import dev.aether.web.Page;
import dev.aether.web.protocol.LiveProtocol;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live socket's first events ({@link LiveProtocol.Paths#FIRST_EVENTS_PARAM}), against a real
 * Titan and a real WebSocket: a page's values restored from browser storage are set before the
 * server sends its first frame, so that frame already shows them.
 */
class FirstEventsServerTest {
    public enum Sort { NAME, NEWEST }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PERSISTED_INPUT = Pattern.compile("data-ae-key=\"team\\.sort\"[^>]*><input data-ae=\"(\\d+)\"");
    private static final Pattern SORT_TEXT = Pattern.compile("<p id=\"sort\"><!--ae:t(\\w+)-->");
    private static final String FIRST = "&" + LiveProtocol.Paths.FIRST_EVENTS_PARAM + "=";
    private static RunningWeb web;

    @BeforeAll
    static void start() throws Exception {
        web = RunningWeb.of(AetherWeb.builder()
                .page("/prefs", request -> Page.of("Prefs", () -> {
                    Signal<Sort> sort = Reactive.signal(Sort.NAME);
                    return div(BrowserStorage.local().persist(sort, "team.sort", Sort.class),
                            p(id("sort"), text(() -> sort.get().name())));
                }))
                .build());
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    @Test
    void theFirstFrameCarriesTheValueRestoredByTheAnnouncedFirstEvent() throws Exception {
        HttpResponse<String> page = web.get("/prefs");
        try (LiveTab tab = web.attach(page, FIRST + 1)) {
            assertThat(tab.frames.poll(300, TimeUnit.MILLISECONDS)).as("a frame before the first event").isNull();

            tab.send("[\"" + LiveProtocol.Inbound.EVENT + "\",1,\"" + group(PERSISTED_INPUT, page.body()) + "\",\""
                    + LiveProtocol.Persist.RESTORE_EVENT + "\",{\"value\":" + JSON.writeValueAsString("{\"v\":1,\"d\":\"NEWEST\"}") + "},0]");

            JsonNode first = JSON.readTree(tab.next());
            assertThat(first.get(0).asLong()).as("the first frame's number").isEqualTo(1);
            assertThat(first.get(1)).contains(JSON.readTree("[\"" + LiveProtocol.Op.TEXT + "\",\"" + group(SORT_TEXT, page.body()) + "\",\"NEWEST\"]"));
            assertThat(Frames.parse(tab.next())).as("the resume frame: event 1 answered").isEqualTo(Frames.resume(1));
        }
    }

    @Test
    void withoutFirstEventsTheResumeFrameComesAtOnce() throws Exception {
        try (LiveTab tab = web.attach(web.get("/prefs"), "")) {
            assertThat(Frames.parse(tab.next())).isEqualTo(Frames.resume(0));
        }
    }

    @Test
    void announcedFirstEventsThatNeverComeHoldTheFramesBackOnlyForTheWait() throws Exception {
        HttpResponse<String> page = web.get("/prefs");
        long start = System.nanoTime();
        try (LiveTab tab = web.attach(page, FIRST + 3)) {
            assertThat(Frames.parse(tab.next())).isEqualTo(Frames.resume(0));
            assertThat(System.nanoTime() - start).as("nanoseconds before the resume frame")
                    .isGreaterThanOrEqualTo(LiveSocket.FIRST_EVENTS_WAIT.toNanos());
        }
    }

    @Test
    void aFirstEventsCountThatIsNotANumberClosesTheSocketWithAReason() throws Exception {
        for (String bad : new String[] {"-1", "lots", "99999999999"}) {
            try (LiveTab tab = web.attach(web.get("/prefs"), FIRST + bad)) {
                assertThat(tab.closeCode()).as("first=" + bad).isEqualTo(LiveProtocol.Close.SESSION_GONE);
                assertThat(tab.closeReason).isEqualTo("Bad first-events count");
            }
        }
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as(p + " in " + s).isTrue();
        return m.group(1);
    }
}
