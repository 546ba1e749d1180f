package dev.aether.web.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A route tree served by {@link AetherWeb} in a real Titan on a free port of 127.0.0.1, with the
 * clients a test reaches it through: HTTP/1.1 that follows no redirect (a test asserts the
 * redirect itself), and a WebSocket client for {@link #live live pages}, started on first use.
 *
 * <pre>{@code
 * static RunningSite site;
 *
 * @BeforeAll static void start() { site = RunningSite.of(RouteTree.builder()...build()); }
 * @AfterAll static void stop() { site.close(); }
 *
 * @Test void aPage() throws Exception {
 *     assertThat(site.get("/a").statusCode()).isEqualTo(200);
 *     try (LiveChannel page = site.live("/a")) { page.navigate("push", "/b"); }
 * }
 * }</pre>
 */
final class RunningSite implements AutoCloseable {
    /** Generous: CI is small and loaded, and a test that waits this long has failed anyway. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final Titan titan;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    private WebSocketClient sockets;

    private RunningSite(Titan titan) {
        this.titan = titan;
    }

    /** Serves {@code tree} alone. */
    static RunningSite of(RouteTree tree) {
        return of(AetherWeb.builder().routes(tree).build());
    }

    /** Serves {@code web} (for a tree beside other pages, or with settings of its own). */
    static RunningSite of(AetherWeb web) {
        return new RunningSite(Titan.builder().port(0).mount(web).build().start());
    }

    int port() {
        return titan.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** A request for {@code path} on this site, with the timeout every request here has. */
    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(REQUEST_TIMEOUT);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A GET of {@code path}, whatever its status. */
    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET().build());
    }

    /** The body of a GET of {@code path} that must answer 200, as it streams in (the response may still be open). */
    InputStream stream(String path) throws Exception {
        HttpResponse<InputStream> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("GET " + path).isEqualTo(200);
        return response.body();
    }

    /** The page at {@code path}, fetched and attached to its live session over a WebSocket. */
    LiveChannel live(String path) throws Exception {
        return LiveChannel.open(http, sockets(), port(), path);
    }

    /** As {@link #live(String)}, the GET sending {@code cookie} ({@code name=value}). */
    LiveChannel live(String path, String cookie) throws Exception {
        return LiveChannel.open(http, sockets(), port(), path, cookie);
    }

    private synchronized WebSocketClient sockets() throws Exception {
        if (sockets == null) {
            sockets = new WebSocketClient();
            sockets.start();
        }
        return sockets;
    }

    /** Waits (polling) until {@code condition} holds; fails the test after 20 s. */
    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 20 s").isLessThan(until);
            Thread.sleep(10);
        }
    }

    /** Reads what arrives until {@code marker} has been seen (the response stays open), and returns all read so far. */
    static String readUntil(InputStream in, String marker) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[8192];
        while (!seen.toString().contains(marker)) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new AssertionError("the response ended before " + marker + " arrived: " + seen);
            }
            seen.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
        }
        return seen.toString();
    }

    static String readToEnd(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        try {
            if (sockets != null) {
                sockets.stop();
            }
        } catch (Exception e) {
            throw new IllegalStateException("the WebSocket client did not stop", e);
        } finally {
            titan.stop();
        }
    }
}
