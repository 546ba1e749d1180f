package dev.aether.benchmarks.router;

import static dev.aether.web.html.Html.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.html.Node;
import dev.aether.web.router.Level;
import dev.aether.web.router.Links;
import dev.aether.web.router.NoParams;
import dev.aether.web.router.Route;
import dev.aether.web.router.RouteTree;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A live navigation between two sibling pages of a route tree versus a full page load of the
 * same page, against a real Titan on 127.0.0.1: bytes on the wire and time.
 *
 * <p>The site: a layout (header, a nav of 20 {@code Link}s, a sidebar of 30 entries: about 3 KB)
 * around sibling pages {@code /docs/a} and {@code /docs/b} (a heading and 10 paragraphs, about
 * 1.5 KB); no loaders, so what is measured is the router and the wire, not a data source.
 *
 * <ul>
 *   <li><b>Full page load</b>: a GET of {@code /docs/b} by the JDK HttpClient (keep-alive, HTTP/1.1),
 *       timed to the last byte of the body; bytes = status line + headers + body as received.
 *       The scripts are not counted (a browser has them cached, immutable); neither is the new
 *       page's WebSocket handshake, which a real page load also pays.
 *   <li><b>Live navigation</b>: on one attached session, the navigation event the router's runtime
 *       sends, alternately to {@code /docs/b} and {@code /docs/a}, timed until the frame carrying
 *       the router's answer; bytes = the event sent plus the frames received (UTF-8 payload; a
 *       WebSocket frame header adds 2–4 bytes each way).
 * </ul>
 *
 * Each is run {@code nav.warmup} times (2000), then measured {@code nav.iterations} times (2000),
 * one at a time; median, p90 and p99 are printed.
 *
 * <pre>{@code
 * ./mvnw -q -o -pl benchmarks exec:exec@navigation
 * }</pre>
 */
public final class NavigationBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final Route<NoParams> ROOT = Route.of("/docs");
    static final Route<NoParams> A = Route.of("/docs/a");
    static final Route<NoParams> B = Route.of("/docs/b");

    private NavigationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int warmup = Integer.getInteger("nav.warmup", 2000), iterations = Integer.getInteger("nav.iterations", 2000);
        Titan titan = Titan.builder().host("127.0.0.1").port(0).mount(AetherWeb.builder().routes(tree()).build()).build().start();
        WebSocketClient sockets = new WebSocketClient();
        sockets.start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            String base = "http://127.0.0.1:" + titan.port();
            long[] fullNanos = new long[iterations];
            long fullBytes = 0;
            for (int i = -warmup; i < iterations; i++) {
                long start = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/docs/b")).build(), HttpResponse.BodyHandlers.ofString());
                long took = System.nanoTime() - start;
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("GET /docs/b: " + r.statusCode());
                }
                if (i >= 0) {
                    fullNanos[i] = took;
                    fullBytes = wireBytes(r);
                }
            }
            Channel live = Channel.open(http, sockets, base, "/docs/a");
            long[] liveNanos = new long[iterations];
            long liveBytes = 0;
            for (int i = -warmup; i < iterations; i++) {
                String to = (i & 1) == 0 ? "/docs/b" : "/docs/a";
                long start = System.nanoTime();
                long bytes = live.navigate(to);
                long took = System.nanoTime() - start;
                if (i >= 0) {
                    liveNanos[i] = took;
                    liveBytes = Math.max(liveBytes, bytes);
                }
            }
            live.close();
            System.out.printf("full page load of /docs/b : %,d bytes; %s%n", fullBytes, stats(fullNanos));
            System.out.printf("live navigation a<->b     : %,d bytes (event + frames); %s%n", liveBytes, stats(liveNanos));
            System.out.printf("%d warm-up and %d measured each, one at a time, %s, %d cores%n", warmup, iterations,
                    Runtime.version(), Runtime.getRuntime().availableProcessors());
        } finally {
            sockets.stop();
            titan.stop();
        }
    }

    static RouteTree tree() {
        return RouteTree.builder()
                .layout(Level.layout(ROOT, (ctx, outlet) -> div(
                                header(h1(text("Aether documentation")), p(text("Everything about the framework, one page at a time."))),
                                nav(fragment(links())),
                                aside(ul(fragment(sidebar()))),
                                dev.aether.web.html.Html.main(outlet))),   // this class's own main(String[]) hides the static import
                        docs -> docs
                                .page(Level.page(A, "Page A", ctx -> article(fragment(content("A")))))
                                .page(Level.page(B, "Page B", ctx -> article(fragment(content("B"))))))
                .build();
    }

    private static List<Node> links() {
        List<Node> links = new ArrayList<>();
        links.add(Links.to(A, NoParams.NONE, text("Page A")).activeClass("active"));
        links.add(Links.to(B, NoParams.NONE, text("Page B")).activeClass("active"));
        for (int i = 0; i < 18; i++) {
            links.add(a(href("/docs/section-" + i), text("Section " + i)));
        }
        return links;
    }

    private static List<Node> sidebar() {
        List<Node> items = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            items.add(li(a(href("/docs/topic-" + i), text("Topic number " + i))));
        }
        return items;
    }

    private static List<Node> content(String page) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(h2(text("Page " + page)));
        for (int i = 0; i < 10; i++) {
            nodes.add(p(text("Paragraph " + i + " of page " + page + ": a sentence or two of documentation text, as a real page has.")));
        }
        return nodes;
    }

    private static long wireBytes(HttpResponse<String> r) {
        long headers = "HTTP/1.1 200 OK\r\n".length() + 2;
        for (var h : r.headers().map().entrySet()) {
            for (String v : h.getValue()) {
                headers += h.getKey().length() + 2 + v.length() + 2;
            }
        }
        return headers + r.body().getBytes(StandardCharsets.UTF_8).length;
    }

    private static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("median %.3f ms, p90 %.3f ms, p99 %.3f ms", at(sorted, 0.5), at(sorted, 0.9), at(sorted, 0.99));
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) (q * sorted.length))] / 1e6;
    }

    /** The browser end of one routed page's live channel. */
    public static final class Channel implements Session.Listener.AutoDemanding {
        private static final Pattern SESSION = Pattern.compile("data-session=\"([^\"]+)\"");
        private static final Pattern CHANNEL = Pattern.compile("<input data-ae=\"(\\d+)\" type=\"hidden\" data-ae-router");
        private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final String channelId;
        private volatile Session session;
        private long seq;

        private Channel(String channelId) {
            this.channelId = channelId;
        }

        static Channel open(HttpClient http, WebSocketClient sockets, String base, String path) throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            Channel c = new Channel(group(CHANNEL, page.body()));
            String cookie = page.headers().allValues("Set-Cookie").stream().filter(s -> s.startsWith("aether_live=")).findFirst().orElseThrow();
            ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
            upgrade.setHeader("Cookie", cookie.split(";")[0]);
            upgrade.setHeader("Origin", base);
            sockets.connect(c, URI.create(base.replace("http:", "ws:") + "/_aether/live?s=" + group(SESSION, page.body()) + "&last=0"), upgrade)
                    .get(10, TimeUnit.SECONDS);
            c.next();   // the resume frame
            return c;
        }

        /** Navigates to {@code url}; the bytes sent and received for it. */
        long navigate(String url) throws Exception {
            long id = ++seq;
            String event = "[\"e\"," + id + ",\"" + channelId + "\",\"ae-navigate\",{\"value\":\"" + id + " push " + url + "\"},0]";
            session.sendText(event, Callback.NOOP);
            long bytes = event.getBytes(StandardCharsets.UTF_8).length;
            while (true) {
                String frame = next();
                bytes += frame.getBytes(StandardCharsets.UTF_8).length;
                JsonNode f = JSON.readTree(frame);
                for (JsonNode patch : f.get(1)) {
                    if (patch.get(0).asText().equals("a") && patch.get(2).asText().equals("data-ae-answer")
                            && JSON.readTree(patch.get(3).asText()).get("i").asLong() == id) {
                        return bytes;
                    }
                }
            }
        }

        private String next() throws InterruptedException {
            String frame = frames.poll(20, TimeUnit.SECONDS);
            if (frame == null) {
                throw new IllegalStateException("no frame within 20 s");
            }
            return frame;
        }

        void close() {
            session.close();
        }

        @Override
        public void onWebSocketOpen(Session session) {
            this.session = session;
        }

        @Override
        public void onWebSocketText(String message) {
            frames.add(message);
        }

        private static String group(Pattern p, String s) {
            Matcher m = p.matcher(s);
            if (!m.find()) {
                throw new IllegalStateException(p + " not in the page");
            }
            return m.group(1);
        }
    }
}
