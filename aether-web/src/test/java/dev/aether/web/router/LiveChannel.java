package dev.aether.web.router;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.web.live.LiveTab;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A routed page as a browser without the router's runtime sees it: fetched with a GET, then
 * attached to its live session over a real WebSocket; {@link #navigate} sends what the runtime
 * sends for a link click, and {@link #answer} reads the frames until the router answers.
 *
 * <pre>{@code
 * try (LiveChannel page = site.live("/a")) {   // site: a RunningSite
 *     List<JsonNode> patches = page.navigate("push", "/b");
 * }
 * }</pre>
 */
public final class LiveChannel implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SESSION = Pattern.compile("data-session=\"([^\"]+)\"");
    private static final Pattern CHANNEL = Pattern.compile("<input data-ae=\"(\\d+)\" type=\"hidden\" data-ae-router");
    private static final Pattern COOKIE = Pattern.compile("aether_live=([^;]+)");

    final String html;
    private final String channelId;
    private final LiveTab tab;
    private long seq;
    private long navigations;

    private LiveChannel(String html, LiveTab tab) {
        this.html = html;
        this.channelId = group(CHANNEL, html);
        this.tab = tab;
    }

    static LiveChannel open(HttpClient http, WebSocketClient sockets, int port, String path) throws Exception {
        return open(http, sockets, port, path, null);
    }

    /** As {@link #open(HttpClient, WebSocketClient, int, String)}, the GET sending {@code cookie} ({@code name=value}; null: none). */
    static LiveChannel open(HttpClient http, WebSocketClient sockets, int port, String path, String cookie) throws Exception {
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10));
        if (cookie != null) {
            get.header("Cookie", cookie);
        }
        HttpResponse<String> page = http.send(get.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("GET " + path).isEqualTo(200);
        String live = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aether_live=")).findFirst().orElseThrow();
        LiveTab tab = LiveTab.connect(sockets, URI.create("ws://127.0.0.1:" + port + "/_aether/live?s=" + group(SESSION, page.body()) + "&last=0"),
                group(COOKIE, live), null);
        LiveChannel channel = new LiveChannel(page.body(), tab);
        assertThat(channel.next().get(0).asText()).as("the resume frame").isEqualTo("resume");
        return channel;
    }

    /** Sends a navigation as the runtime does; returns every patch up to and including the router's answer. */
    List<JsonNode> navigate(String mode, String url) throws Exception {
        long id = ++navigations;
        send("[\"e\"," + (++seq) + ",\"" + channelId + "\",\"ae-navigate\",{\"value\":" + JSON.writeValueAsString(id + " " + mode + " " + url) + "},0]");
        return untilAnswer(id);
    }

    /** Sends a prefetch of {@code url} as the runtime does; the server answers nothing. */
    void prefetch(String url) throws Exception {
        sendNavigation("0 prefetch " + url);
    }

    /** Sends a navigation message as is ({@code "id mode url"}), without waiting for an answer. */
    void sendNavigation(String message) throws Exception {
        send("[\"e\"," + (++seq) + ",\"" + channelId + "\",\"ae-navigate\",{\"value\":" + JSON.writeValueAsString(message) + "},0]");
    }

    /** Sends a click on element {@code id} (a handler of the page). */
    void click(String id) {
        send("[\"e\"," + (++seq) + ",\"" + id + "\",\"click\",{},0]");
    }

    /** Every patch received until the channel's answer for navigation {@code id}. */
    List<JsonNode> untilAnswer(long id) throws Exception {
        List<JsonNode> patches = new ArrayList<>();
        while (true) {
            for (JsonNode patch : next().get(1)) {
                patches.add(patch);
                if (isAnswer(patch) && answerOf(patch).get("i").asLong() == id) {
                    return patches;
                }
            }
        }
    }

    /** Every patch received until one matches {@code done}. */
    List<JsonNode> until(java.util.function.Predicate<JsonNode> done) throws Exception {
        List<JsonNode> patches = new ArrayList<>();
        while (true) {
            for (JsonNode patch : next().get(1)) {
                patches.add(patch);
                if (done.test(patch)) {
                    return patches;
                }
            }
        }
    }

    boolean isAnswer(JsonNode patch) {
        return patch.get(0).asText().equals("a") && patch.get(1).asText().equals(channelId) && patch.get(2).asText().equals("data-ae-answer");
    }

    static JsonNode answerOf(JsonNode patch) throws Exception {
        return JSON.readTree(patch.get(3).asText());
    }

    /** The answer among {@code patches}. */
    JsonNode answerIn(List<JsonNode> patches) throws Exception {
        for (JsonNode p : patches) {
            if (isAnswer(p)) {
                return answerOf(p);
            }
        }
        throw new AssertionError("no answer in " + patches);
    }

    private JsonNode next() throws Exception {
        return JSON.readTree(tab.next());
    }

    private void send(String text) {
        tab.send(text);
    }

    @Override
    public void close() {
        tab.close();
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as(p + " in " + s).isTrue();
        return m.group(1);
    }
}
