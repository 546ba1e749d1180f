package dev.aether.benchmarks.live;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Many "browsers" in one JVM: renders live pages with the JDK HttpClient (GET, as a browser
 * loads them) and attaches each to its session with a real WebSocket from one Jetty
 * {@link WebSocketClient}, exactly as the page's runtime does ({@code /_aether/live?s=TOKEN&last=0},
 * same-site Origin, wait for the resume frame).
 */
final class LiveClient implements AutoCloseable {
    private final URI base;
    private final java.net.http.HttpClient http;
    private final HttpClient jettyHttp;
    private final WebSocketClient ws;
    private final boolean deflate;
    final List<ClientSocket> sockets = new ArrayList<>();
    volatile Round round;

    /** {@code deflate}: offer permessage-deflate, as browsers do (Jetty's client offers no extension by default). */
    LiveClient(URI base, boolean deflate) {
        this.base = base;
        this.deflate = deflate;
        this.http = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.jettyHttp = new HttpClient();
        // Every WebSocket starts as an HTTP/1.1 upgrade to the same destination: lift the per-destination caps.
        jettyHttp.setMaxConnectionsPerDestination(1 << 20);
        jettyHttp.setMaxRequestsQueuedPerDestination(1 << 20);
        jettyHttp.setConnectTimeout(30_000);
        this.ws = new WebSocketClient(jettyHttp);
        ws.setIdleTimeout(Duration.ofMinutes(30));
        ws.setStopAtShutdown(false);
        ws.setStopTimeout(5_000);
        try {
            ws.start();
        } catch (Exception e) {
            throw new IllegalStateException("WebSocket client did not start", e);
        }
    }

    // ---- pages ----------------------------------------------------------------------------------

    /** GETs {@code n} pages, {@code concurrency} at a time; each is a new live session on the server. */
    List<LivePage> render(int n, int concurrency) {
        HttpRequest get = HttpRequest.newBuilder(base.resolve(LiveBenchPage.PATH)).timeout(Duration.ofSeconds(30)).GET().build();
        LivePage[] pages = new LivePage[n];
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < concurrency; t++) {
                int first = t;
                work.add(pool.submit(() -> {
                    for (int i = first; i < n; i += concurrency) {
                        pages[i] = fetch(get);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(10, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("rendering pages failed: " + e, e);
        }
        return Arrays.asList(pages);
    }

    private LivePage fetch(HttpRequest get) throws Exception {
        HttpResponse<byte[]> r = http.send(get, HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + get.uri() + " answered " + r.statusCode());
        }
        return LivePage.parse(new String(r.body(), StandardCharsets.UTF_8), r.body().length,
                LivePage.liveCookie(r.headers().allValues("Set-Cookie")));
    }

    // ---- sockets --------------------------------------------------------------------------------

    record Attached(int attached, int failed, long nanos, String firstError) {
    }

    /**
     * Attaches every page, {@code batch} connections in flight at a time (the next batch starts
     * when the previous one has its resume frames), and returns how long that took.
     */
    Attached attach(List<LivePage> pages, int batch, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        int ok = 0;
        int failed = 0;
        String firstError = null;
        for (int from = 0; from < pages.size(); from += batch) {
            List<ClientSocket> now = new ArrayList<>();
            for (int i = from; i < Math.min(pages.size(), from + batch); i++) {
                now.add(connect(pages.get(i)));
            }
            for (ClientSocket s : now) {
                try {
                    s.resumed.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    ok++;
                } catch (Exception e) {
                    failed++;
                    if (firstError == null) {
                        firstError = (e instanceof TimeoutException ? "timeout" : String.valueOf(e.getCause() == null ? e : e.getCause()));
                    }
                }
            }
        }
        return new Attached(ok, failed, System.nanoTime() - start, firstError);
    }

    private ClientSocket connect(LivePage page) {
        ClientSocket socket = new ClientSocket(sockets.size(), page, this);
        sockets.add(socket);
        URI uri = URI.create("ws://" + base.getRawAuthority() + "/_aether/live?s=" + page.token() + "&last=0");
        ClientUpgradeRequest upgrade = new ClientUpgradeRequest(uri);
        upgrade.setHeader("Origin", base.toString());   // what a browser sends for a same-site page
        upgrade.setHeader("Cookie", page.cookieHeader());
        upgrade.setTimeout(60, TimeUnit.SECONDS);
        if (deflate) {
            upgrade.addExtensions("permessage-deflate; client_max_window_bits");
        }
        try {
            CompletableFuture<?> f = ws.connect(socket, upgrade);
            f.whenComplete((s, t) -> {
                if (t != null) {
                    socket.resumed.completeExceptionally(t);
                }
            });
        } catch (Exception e) {
            socket.resumed.completeExceptionally(e);
        }
        return socket;
    }

    /** Sends every socket's acknowledgement of the frames it has (the runtime does this 1 s after a frame). */
    void acknowledgeAll() {
        for (ClientSocket s : sockets) {
            long seen = s.lastSeq;
            if (seen > s.ackedSeq && s.session != null && s.session.isOpen()) {
                s.ackedSeq = seen;
                s.send("[\"a\"," + seen + "]");
            }
        }
    }

    // ---- rounds ---------------------------------------------------------------------------------

    /** One push: every socket waits for the frame carrying {@code value} in the shared count's text. */
    static final class Round {
        final int value;
        final long[] at;
        final CountDownLatch missing;
        final long cpuAtArm = LiveBenchmark.processCpuNanos();
        final long gcAtArm = LiveBenchmark.gcMillis();

        Round(int value, int sockets) {
            this.value = value;
            this.at = new long[sockets];
            this.missing = new CountDownLatch(sockets);
        }

        void offer(ClientSocket s, String frame, long now) {
            if (s.index < at.length && at[s.index] == 0 && frame.contains(s.page.everyonePatch(value))) {
                at[s.index] = now;
                missing.countDown();
            }
        }
    }

    void arm(int value) {
        round = new Round(value, sockets.size());
    }

    /** Waits for the armed round (the value was set at {@code t0}, System.nanoTime) and returns its latencies. */
    RoundResult await(long t0, Duration timeout) throws InterruptedException {
        Round r = round;
        r.missing.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        round = null;
        return RoundResult.of(r.at, t0, LiveBenchmark.processCpuNanos() - r.cpuAtArm, LiveBenchmark.gcMillis() - r.gcAtArm);
    }

    @Override
    public void close() {
        for (ClientSocket s : sockets) {
            if (s.session != null && s.session.isOpen()) {
                s.session.close(StatusCode.NORMAL, "benchmark over", Callback.NOOP);
            }
        }
        try {
            ws.stop();
        } catch (Exception e) {
            System.err.println("WebSocket client stop: " + e);
        }
        try {
            jettyHttp.stop();
        } catch (Exception e) {
            System.err.println("HTTP client stop: " + e);
        }
        http.close();
    }
}
