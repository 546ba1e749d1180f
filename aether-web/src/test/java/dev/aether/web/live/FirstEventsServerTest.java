package dev.aether.web.live;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.BrowserStorage;
import dev.aether.web.Page;
import dev.aether.web.protocol.LiveProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live socket's first events ({@link LiveProtocol.Paths#FIRST_EVENTS_PARAM}), against a real
 * Titan and a real WebSocket: a page's values restored from browser storage are set before the
 * server sends its first frame, so that frame already shows them.
 */
public class FirstEventsServerTest {
    public enum Sort { NAME, NEWEST }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SESSION = Pattern.compile("data-session=\"([^\"]+)\"");
    private static final Pattern PERSISTED_INPUT = Pattern.compile("data-ae-key=\"team\\.sort\"[^>]*><input data-ae=\"(\\d+)\"");
    private static final Pattern SORT_TEXT = Pattern.compile("<p id=\"sort\"><!--ae:t(\\w+)-->");
    private static Titan titan;
    private static WebSocketClient sockets;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        AetherWeb web = AetherWeb.builder()
                .page("/prefs", request -> Page.of("Prefs", () -> {
                    Signal<Sort> sort = Reactive.signal(Sort.NAME);
                    return div(BrowserStorage.local().persist(sort, "team.sort", Sort.class),
                            p(id("sort"), text(() -> sort.get().name())));
                }))
                .build();
        titan = Titan.builder().port(0).mount(web).build().start();
        sockets = new WebSocketClient();
        sockets.start();
    }

    @AfterAll
    static void stop() throws Exception {
        sockets.stop();
        titan.stop();
    }

    @Test
    void theFirstFrameCarriesTheValueRestoredByTheAnnouncedFirstEvent() throws Exception {
        try (Channel page = Channel.open("&" + LiveProtocol.Paths.FIRST_EVENTS_PARAM + "=1")) {
            assertThat(page.frames.poll(300, TimeUnit.MILLISECONDS)).as("a frame before the first event").isNull();

            page.restore("{\"v\":1,\"d\":\"NEWEST\"}");

            JsonNode first = page.next();
            assertThat(first.get(0).asLong()).as("the first frame's number").isEqualTo(1);
            assertThat(first.get(1)).contains(JSON.readTree("[\"" + LiveProtocol.Op.TEXT + "\",\"" + page.sortTextId + "\",\"NEWEST\"]"));
            JsonNode resume = page.next();
            assertThat(resume.get(0).asText()).isEqualTo(LiveProtocol.Outbound.RESUME);
            assertThat(resume.get(1).asLong()).as("events answered by the resume frame").isEqualTo(1);
        }
    }

    @Test
    void withoutFirstEventsTheResumeFrameComesAtOnce() throws Exception {
        try (Channel page = Channel.open("")) {
            assertThat(page.next().get(0).asText()).isEqualTo(LiveProtocol.Outbound.RESUME);
        }
    }

    @Test
    void announcedFirstEventsThatNeverComeHoldTheFramesBackOnlyForTheWait() throws Exception {
        long start = System.nanoTime();
        try (Channel page = Channel.open("&" + LiveProtocol.Paths.FIRST_EVENTS_PARAM + "=3")) {
            assertThat(page.next().get(0).asText()).isEqualTo(LiveProtocol.Outbound.RESUME);
            assertThat(System.nanoTime() - start).as("nanoseconds before the resume frame")
                    .isGreaterThanOrEqualTo(LiveSocket.FIRST_EVENTS_WAIT.toNanos());
        }
    }

    @Test
    void aFirstEventsCountThatIsNotANumberClosesTheSocketWithAReason() throws Exception {
        for (String bad : new String[] {"-1", "lots", "99999999999"}) {
            try (Channel page = Channel.open("&" + LiveProtocol.Paths.FIRST_EVENTS_PARAM + "=" + bad, false)) {
                assertThat(page.closed.get(10, TimeUnit.SECONDS)).as("first=" + bad)
                        .isEqualTo(LiveProtocol.Close.SESSION_GONE + " Bad first-events count");
            }
        }
    }

    /** A page fetched with a GET and attached to its live session over a real WebSocket. */
    public static final class Channel implements AutoCloseable, Session.Listener.AutoDemanding {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        final CompletableFuture<String> closed = new CompletableFuture<>();
        final String inputId;
        final String sortTextId;
        private volatile Session session;

        private Channel(String html) {
            this.inputId = group(PERSISTED_INPUT, html);
            this.sortTextId = group(SORT_TEXT, html);
        }

        static Channel open(String query) throws Exception {
            return open(query, true);
        }

        static Channel open(String query, boolean mustOpen) throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(titan.httpUri() + "/prefs")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Channel channel = new Channel(page.body());
            String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aether_live=")).findFirst().orElseThrow();
            ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
            upgrade.setHeader("Cookie", cookie.substring(0, cookie.indexOf(';')));
            URI live = URI.create(titan.webSocketUri().resolve(LiveProtocol.Paths.LIVE) + "?" + LiveProtocol.Paths.SESSION_PARAM + "="
                    + group(SESSION, page.body()) + "&" + LiveProtocol.Paths.LAST_SEEN_PARAM + "=0" + query);
            CompletableFuture<Session> opened = sockets.connect(channel, live, upgrade);
            if (mustOpen) {
                opened.get(10, TimeUnit.SECONDS);
            }
            return channel;
        }

        /** Sends what the persist part hands the core: the restore event of the persisted value, event 1. */
        void restore(String stored) throws Exception {
            session.sendText("[\"" + LiveProtocol.Inbound.EVENT + "\",1,\"" + inputId + "\",\"" + LiveProtocol.Persist.RESTORE_EVENT
                    + "\",{\"value\":" + JSON.writeValueAsString(stored) + "},0]", Callback.NOOP);
        }

        JsonNode next() throws Exception {
            String frame = frames.poll(20, TimeUnit.SECONDS);
            assertThat(frame).as("a frame within 20 s").isNotNull();
            return JSON.readTree(frame);
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String message) {
            frames.add(message);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            closed.complete(statusCode + " " + reason);
            callback.succeed();
        }

        @Override
        public void close() {
            if (session != null && session.isOpen()) {
                session.close();
            }
        }

        private static String group(Pattern p, String s) {
            Matcher m = p.matcher(s);
            assertThat(m.find()).as(p + " in " + s).isTrue();
            return m.group(1);
        }
    }
}
