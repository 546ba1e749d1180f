package dev.aether.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * An {@link AetherWeb} served by a real Titan on a free port of 127.0.0.1, and the clients a test
 * opens its live pages with: HTTP/1.1 for the page, a WebSocket for its live channel.
 *
 * <pre>{@code
 * try (RunningWeb server = RunningWeb.of(AetherWeb.builder().page("/counter", request -> counterPage()).build());
 *      LiveTab tab = server.openAndAttach("/counter")) {   // attached and resumed
 *     tab.send("[\"e\",1,\"1\",\"click\",{},0]");
 * }
 * }</pre>
 */
final class RunningWeb implements AutoCloseable {
    private static final Pattern SESSION = Pattern.compile("data-session=\"([A-Za-z0-9_-]+)\"");
    private static final Pattern LIVE_COOKIE = Pattern.compile("aether_live=([^;]+)");

    private final Titan titan;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final WebSocketClient sockets = new WebSocketClient();

    private RunningWeb(Titan titan) throws Exception {
        this.titan = titan;
        sockets.start();
    }

    /** Serves {@code web} alone. */
    static RunningWeb of(AetherWeb web) throws Exception {
        return of(Titan.builder().port(0).mount(web));
    }

    /** Starts {@code titan}, for a test that needs settings of the server's own. */
    static RunningWeb of(Titan.Builder titan) throws Exception {
        return new RunningWeb(titan.build().start());
    }

    Titan titan() {
        return titan;
    }

    WebSocketClient sockets() {
        return sockets;
    }

    /**
     * Opens {@code path} as a browser would, attaches to its live session with the page's live
     * cookie and takes the first frame, which must be {@code resume(0)}.
     */
    LiveTab openAndAttach(String path) throws Exception {
        LiveTab tab = attach(get(path), "");
        assertThat(Frames.parse(tab.next())).as("the first frame").isEqualTo(Frames.resume(0));
        return tab;
    }

    /** The page at {@code path}, as a browser gets it. */
    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + titan.port() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Attaches to the live session of {@code page} with its live cookie, {@code query} after its {@code s} and {@code last=0}; takes no frame. */
    LiveTab attach(HttpResponse<String> page, String query) throws Exception {
        return LiveTab.connect(sockets, URI.create("ws://127.0.0.1:" + titan.port() + "/_aether/live?s=" + sessionToken(page) + "&last=0" + query),
                liveCookie(page), null);
    }

    /** The session token a page was served with. */
    static String sessionToken(HttpResponse<String> page) {
        return group(SESSION, page.body());
    }

    /** The live cookie a response set. */
    static String liveCookie(HttpResponse<?> response) {
        String setCookie = response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aether_live=")).findFirst().orElseThrow();
        return group(LIVE_COOKIE, setCookie);
    }

    private static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as("%s in %s", p, s).isTrue();
        return m.group(1);
    }

    @Override
    public void close() throws Exception {
        try {
            sockets.stop();
        } finally {
            titan.stop();
        }
    }
}
