package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.component.Components.component;
import static dev.aether.web.component.Components.suspense;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.aether.reactive.Reactive;
import dev.aether.reactive.Resource;
import dev.aether.reactive.Signal;
import dev.aether.titan.Titan;
import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.ActionResult;
import dev.aether.web.AetherWeb;
import dev.aether.web.Page;
import dev.aether.web.component.Suspense;
import dev.aether.web.html.Node;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * AetherWeb mounted into a real Titan on a free port, driven by the JDK's HTTP client and Jetty's
 * WebSocket client as a browser would drive it: pages, the runtime script, form posts with their
 * CSRF check, the live channel's admission, events and patches, limits, and streaming.
 */
class AetherWebServerTest {
    /** A page or action that throws is logged with its error id: the tests that provoke one assert it. */
    @RegisterExtension
    final CapturedLog log = CapturedLog.of(PageHandler.class);
    @RegisterExtension
    final CapturedLog titanLog = CapturedLog.of(Titan.class);

    private static final Pattern RUNTIME_VERSION = Pattern.compile("<script src=\"/_aether/runtime\\.js\\?v=([0-9a-f]+)\"");
    private static final Pattern CSRF_COOKIE = Pattern.compile("aether_csrf=([^;]+)");
    private static final Pattern CSRF_FIELD = Pattern.compile("<input type=\"hidden\" name=\"_csrf\" value=\"([^\"]*)\">");
    /** The live cookie each page was served with, by session token: the test's browser keeps its cookies. */
    static final Map<String, String> browserCookies = new ConcurrentHashMap<>();

    static Titan titan;
    static AetherWeb web;
    static HttpClient http;
    static WebSocketClient sockets;
    static final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    static final List<String> posted = new CopyOnWriteArrayList<>();
    static volatile CompletableFuture<String> slow = new CompletableFuture<>();

    /** The counter page: button (element 1) and its count (text 2). */
    static Page counterPage() {
        return Page.of("Counter", () -> component(() -> {
            Signal<Integer> count = Reactive.signal(0);
            return div(button(on("click", () -> count.update(n -> n + 1)), text("+1")), span(text(count::get)));
        }));
    }

    static Page formPage(String message) {
        return Page.of("Sign up", () -> div(p(text(message)),
                form(attr("method", "post"), attr("action", "/signup"), input(name("email")), button(text("Send")))));
    }

    static Node slowProfile() {
        return component(() -> {
            Resource<String> user = Reactive.resource(() -> slow);
            return div(suspense(() -> p(text("Loading the profile")), () -> p(text(() -> Suspense.read(user)))));
        });
    }

    @BeforeAll
    static void start() throws Exception {
        web = AetherWeb.builder()
                .page("/counter", request -> counterPage())
                .page("/signup", request -> formPage(""))
                .action("/signup", request -> {
                    posted.add(request.form("email"));
                    return request.form("email").isBlank()
                            ? ActionResult.invalid(formPage("Email is required"))
                            : ActionResult.redirect("/welcome");
                })
                .page("/slow", request -> Page.of("Slow", AetherWebServerTest::slowProfile))
                .page("/keys", request -> Page.of("Keys", () -> component(() -> {
                    Signal<String> last = Reactive.signal("");
                    return div(input(on("keydown", e -> last.set("save")).key("Enter"), on("keydown", e -> last.set("cancel")).key("Escape")),
                            span(text(last::get)));
                })))
                .page("/search", request -> Page.of("Search", () -> p(text("You searched for " + request.query("q")))))
                .page("/broken", request -> Page.of("Broken", () -> {
                    throw new IllegalStateException("the page failed");
                }))
                .action("/explode", request -> {
                    throw new IllegalStateException("the action failed");
                })
                .build();
        titan = Titan.builder().port(0).mount(web).build().start();
        // HTTP/1.1 as browsers speak it to a plain-http server (no "Upgrade: h2c" offer; see aPageRequestOfferingHttp2IsStillThePage)
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();
        sockets = new WebSocketClient();
        sockets.start();
    }

    @AfterAll
    static void stop() throws Exception {
        sockets.stop();
        titan.stop();
        timers.shutdownNow();
    }

    // ---- helpers ------------------------------------------------------------------------------

    static String base() {
        return "http://127.0.0.1:" + titan.port();
    }

    static String sameOrigin() {
        return base();
    }

    static HttpResponse<String> get(String path, String... headers) throws Exception {
        return get(titan, path, headers);
    }

    /** A GET of {@code path} on {@code server} (this class's, or a test's own). */
    static HttpResponse<String> get(Titan server, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(Duration.ofSeconds(10)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String group(Pattern p, String s) {
        Matcher m = p.matcher(s);
        assertThat(m.find()).as("%s in %s", p, s).isTrue();
        return m.group(1);
    }

    static String csrfCookie(HttpResponse<?> r) {
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aether_csrf=")).findFirst().orElseThrow();
        return group(CSRF_COOKIE, setCookie);
    }

    /** A page's session token, from a fresh GET. */
    static String openPage(String path) throws Exception {
        HttpResponse<String> r = get(path);
        assertThat(r.statusCode()).isEqualTo(200);
        return token(r);
    }

    /** The session token of a page, whose live cookie {@link #connect} then sends as the browser would. */
    static String token(HttpResponse<String> page) {
        String token = RunningWeb.sessionToken(page);
        browserCookies.put(token, liveCookie(page));
        return token;
    }

    static String liveCookie(HttpResponse<?> r) {
        return RunningWeb.liveCookie(r);
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    static LiveTab connect(String token, long last, String origin) throws Exception {
        return connect(titan, token, last, origin);
    }

    static LiveTab connect(Titan server, String token, long last, String origin) throws Exception {
        return connect(server, token, last, origin, token == null ? null : browserCookies.get(token));
    }

    /** Connects as a browser whose live cookie is {@code liveCookie} (null: none). */
    static LiveTab connect(Titan server, String token, long last, String origin, String liveCookie) throws Exception {
        URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/_aether/live?s=" + (token == null ? "" : token) + "&last=" + last);
        return LiveTab.connect(sockets, uri, liveCookie, origin);
    }

    // ---- pages ------------------------------------------------------------------------------------

    @Test
    void aPageAllowsScriptsOnlyFromThisOriginOrWithItsOwnNonce() throws Exception {
        HttpResponse<String> r = get("/counter");
        String policy = r.headers().firstValue("Content-Security-Policy").orElseThrow();
        Matcher nonce = Pattern.compile("'nonce-([A-Za-z0-9_-]{20,})'").matcher(policy);
        assertThat(nonce.find()).as(policy).isTrue();
        assertThat(policy).isEqualTo(AetherWeb.defaultContentSecurityPolicy(nonce.group(1)))
                .contains("script-src 'self' 'nonce-" + nonce.group(1) + "';").contains("object-src 'none'");
        assertThat(r.body()).contains("<script src=\"/_aether/runtime.js?v=").contains(" nonce=\"" + nonce.group(1) + "\" ");
        String next = get("/counter").headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(next).as("a nonce is used once").isNotEqualTo(policy);
    }

    @Test
    void aPageAllowsEverythingElseOnlyFromThisOriginAndFramingPostingAndBaseOnlyToIt() throws Exception {
        List<String> directives = List.of(get("/counter").headers().firstValue("Content-Security-Policy").orElseThrow().split("; "));
        assertThat(directives).contains("default-src 'self'", "form-action 'self'", "base-uri 'self'", "frame-ancestors 'self'",
                "style-src 'self' 'unsafe-inline'");
    }

    @Test
    void everyAnswerOfTheWebLayerSaysNosniffAndKeepsItsUrlFromOtherSites() throws Exception {
        HttpResponse<String> page = get("/counter");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).as("a page sends no referrer at all to other sites").hasValue("same-origin");
        for (HttpResponse<String> r : List.of(get("/_aether/runtime.js"), post("/counter", "x=1"), post("/signup", "email=a"), get("/health"))) {
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as("nosniff on %s %s", r.request().method(), r.uri()).hasValue("nosniff");
            assertThat(r.headers().firstValue("Referrer-Policy")).as("on %s", r.uri()).isPresent();
        }
    }

    @Test
    void aPageIsServedAsHtmlWithTheRuntimeTagItsSessionTokenAndACsrfCookie() throws Exception {
        HttpResponse<String> r = get("/counter");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(r.body()).startsWith("<!DOCTYPE html>").contains("<title>Counter</title>").endsWith("</body></html>");
        assertThat(r.body()).containsPattern("<script src=\"/_aether/runtime\\.js\\?v=[0-9a-f]+\" nonce=\"[A-Za-z0-9_-]{20,}\" "
                + "data-session=\"[A-Za-z0-9_-]{20,}\" data-live=\"/_aether/live\"></script></body></html>$");
        String cookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aether_csrf=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Path=/");
        assertThat(csrfCookie(r)).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void aPageRequestOfferingHttp2IsStillThePage() throws Exception {
        HttpClient http2 = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();   // offers "Upgrade: h2c" on plain http
        HttpResponse<String> r = http2.send(HttpRequest.newBuilder(URI.create(base() + "/counter")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("data-session=\"");
    }

    @Test
    void everyRenderOfAPageIsItsOwnSession() throws Exception {
        int before = web.liveSessions();
        String first = openPage("/counter");
        String second = openPage("/counter");
        assertThat(first).isNotEqualTo(second);
        assertThat(web.liveSessions()).isGreaterThanOrEqualTo(before + 2);
    }

    @Test
    void aPostingFormCarriesAHiddenCsrfFieldEqualToTheCookie() throws Exception {
        HttpResponse<String> r = get("/signup");
        assertThat(r.body()).contains("<form method=\"post\" action=\"/signup\"><input type=\"hidden\" name=\"_csrf\" value=\"");
        assertThat(group(CSRF_FIELD, r.body())).isEqualTo(csrfCookie(r));
    }

    @Test
    void aBrowserWithTheCookieKeepsItsCsrfToken() throws Exception {
        HttpResponse<String> r = get("/signup", "Cookie", "aether_csrf=kept-token-123");
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("aether_csrf="));
        assertThat(group(CSRF_FIELD, r.body())).isEqualTo("kept-token-123");
    }

    @Test
    void aFormWithoutMethodPostHasNoCsrfField() throws Exception {
        assertThat(get("/counter").body()).doesNotContain("_csrf");
    }

    // ---- the runtime script -------------------------------------------------------------------------

    @Test
    void theRuntimeIsServedAsImmutableJavaScriptWithAnETagMatchingItsVersionedUrl() throws Exception {
        String version = group(RUNTIME_VERSION, get("/counter").body());
        HttpResponse<String> r = get("/_aether/runtime.js?v=" + version);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/javascript");
        assertThat(r.headers().firstValue("Cache-Control").orElseThrow()).contains("immutable").contains("max-age=31536000");
        assertThat(r.headers().firstValue("ETag")).hasValue("\"" + version + "\"");
        try (InputStream in = RuntimeScript.class.getResourceAsStream(RuntimeScript.RESOURCE)) {
            assertThat(r.body()).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void theRuntimeAnswers304ToItsETag() throws Exception {
        String etag = get("/_aether/runtime.js").headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> r = get("/_aether/runtime.js", "If-None-Match", etag);
        assertThat(r.statusCode()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
        assertThat(get("/_aether/runtime.js", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    // ---- form posts -----------------------------------------------------------------------------

    @Test
    void aPostWithoutTheCsrfFieldIsRefusedAndTheActionDoesNotRun() throws Exception {
        String token = csrfCookie(get("/signup"));
        posted.clear();
        HttpResponse<String> r = post("/signup", "email=ada%40example.com", "Cookie", "aether_csrf=" + token);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(posted).isEmpty();
    }

    @Test
    void aPostWithAWrongCsrfFieldIsRefused() throws Exception {
        String token = csrfCookie(get("/signup"));
        posted.clear();
        assertThat(post("/signup", "_csrf=" + token + "x&email=a", "Cookie", "aether_csrf=" + token).statusCode()).isEqualTo(403);
        assertThat(post("/signup", "_csrf=" + token + "&email=a").statusCode()).as("no cookie").isEqualTo(403);
        assertThat(post("/signup", "_csrf=&email=a", "Cookie", "aether_csrf=").statusCode()).as("both empty").isEqualTo(403);
        assertThat(posted).isEmpty();
    }

    @Test
    void aPostWithTheRightCsrfFieldRunsTheActionAndRedirects() throws Exception {
        String token = csrfCookie(get("/signup"));
        posted.clear();
        HttpResponse<String> r = post("/signup", "_csrf=" + token + "&email=ada%40example.com", "Cookie", "aether_csrf=" + token);
        assertThat(r.statusCode()).isEqualTo(303);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/welcome");
        assertThat(posted).containsExactly("ada@example.com");
    }

    @Test
    void anInvalidPostShowsThePageAgainWith422() throws Exception {
        String token = csrfCookie(get("/signup"));
        HttpResponse<String> r = post("/signup", "_csrf=" + token + "&email=", "Cookie", "aether_csrf=" + token);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(r.body()).contains("<p>Email is required</p>").contains("data-session=\"");
        assertThat(group(CSRF_FIELD, r.body())).isEqualTo(token);
    }

    @Test
    void aPostFromAForeignOriginIsRefusedEvenWithTheRightToken() throws Exception {
        String token = csrfCookie(get("/signup"));
        posted.clear();
        HttpResponse<String> r = post("/signup", "_csrf=" + token + "&email=a", "Cookie", "aether_csrf=" + token,
                "Origin", "http://evil.example");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(post("/signup", "_csrf=" + token + "&email=a", "Cookie", "aether_csrf=" + token, "Origin", "null").statusCode())
                .isEqualTo(403);
        assertThat(posted).isEmpty();
        assertThat(post("/signup", "_csrf=" + token + "&email=a", "Cookie", "aether_csrf=" + token, "Origin", sameOrigin()).statusCode())
                .isEqualTo(303);
    }

    @Test
    void aPostToAPageWithoutAnActionIs405() throws Exception {
        HttpResponse<String> r = post("/counter", "x=1");
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void aPageReadsItsQueryParametersAndRendersThemEscaped() throws Exception {
        HttpResponse<String> r = get("/search?q=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(r.body()).contains("<p>You searched for &lt;script&gt;alert(1)&lt;/script&gt;</p>").doesNotContain("<script>alert");
    }

    @Test
    void aPageThatFailsToRenderIsA500WithAnErrorIdAndLeavesNoSession() throws Exception {
        int before = web.liveSessions();
        HttpResponse<String> r = get("/broken");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).containsPattern("error id [0-9a-f-]{36}").doesNotContain("the page failed");
        assertThat(log.take(Level.ERROR)).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).startsWith("page /broken failed (error id ").contains(errorId(r.body()));
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("the page failed");
        });
        await("the failed page's session ended", () -> web.liveSessions() <= before);
    }

    @Test
    void anActionThatThrowsIsA500WithAnErrorId() throws Exception {
        String token = csrfCookie(get("/signup"));
        HttpResponse<String> r = post("/explode", "_csrf=" + token, "Cookie", "aether_csrf=" + token);
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).containsPattern("error id [0-9a-f-]{36}").doesNotContain("the action failed");
        assertThat(log.take(Level.ERROR)).singleElement().satisfies(e -> {
            assertThat(e.getFormattedMessage()).startsWith("action /explode failed (error id ").contains(errorId(r.body()));
            assertThat(e.getThrowableProxy().getMessage()).isEqualTo("the action failed");
        });
    }

    private static String errorId(String body) {
        Matcher m = Pattern.compile("error id ([0-9a-f-]{36})").matcher(body);
        assertThat(m.find()).as("an error id in " + body).isTrue();
        return m.group(1);
    }

    // ---- other paths --------------------------------------------------------------------------------

    @Test
    void pathsThatAreNotPagesGoOnToNetron() throws Exception {
        HttpResponse<String> health = get("/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("online");
        assertThat(get("/no-such-page").statusCode()).isEqualTo(404);
    }

    @Test
    void theLiveChannelDeclinesPermessageDeflate() throws Exception {
        String token = openPage("/counter");
        LiveTab browser = new LiveTab();
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.addExtensions("permessage-deflate");   // what browsers offer
        request.setHeader("Cookie", "aether_live=" + browserCookies.get(token));
        Session session = sockets.connect(browser, URI.create("ws://127.0.0.1:" + titan.port() + "/_aether/live?s=" + token + "&last=0"),
                request).get(5, TimeUnit.SECONDS);
        browser.next();   // attached: the resume frame
        assertThat(session.getUpgradeResponse().getExtensions()).as("a Deflater per connection costs ~88 KB").isEmpty();
        session.close();
    }

    @Test
    void aWebSocketHandshakeOnAPagePathGoesOnToNetron() throws Exception {
        LiveTab netron = new LiveTab();
        sockets.connect(netron, java.net.URI.create("ws://127.0.0.1:" + titan.port() + "/counter")).get(5, TimeUnit.SECONDS);
        // Netron answers (its WebSocket lives on "/", so this path gets its close code 4000), not the page's HTML
        assertThat(netron.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4000);
    }

    // ---- the live channel ---------------------------------------------------------------------------

    @Test
    void aConnectionWithAnUnknownTokenIsClosedWith4404() throws Exception {
        assertThat(connect("no-such-session", 0, null).closeCode()).isEqualTo(4404);
        assertThat(connect(null, 0, null).closeCode()).isEqualTo(4404);
    }

    @Test
    void aConnectionFromAForeignOriginIsClosedWith4403() throws Exception {
        String token = openPage("/counter");
        LiveTab browser = connect(token, 0, "http://evil.example");
        assertThat(browser.closeCode()).isEqualTo(4403);
        assertThat(browser.frames).isEmpty();
    }

    @Test
    void aConnectionWithABadResumePositionIsClosedWith4404() throws Exception {
        String token = openPage("/counter");
        assertThat(connect(token, 5, null).closeCode()).as("a frame never sent").isEqualTo(4404);
    }

    @Test
    void aConnectionWithTheTokenReceivesTheResumeFrame() throws Exception {
        String token = openPage("/counter");
        try (LiveTab browser = connect(token, 0, sameOrigin())) {
            assertThat(Frames.parse(browser.next())).isEqualTo(resume(0));
        }
    }

    @Test
    void aClickRunsItsHandlerAndThePatchComesBack() throws Exception {
        String token = openPage("/counter");
        try (LiveTab browser = connect(token, 0, null)) {
            assertThat(Frames.parse(browser.next())).isEqualTo(resume(0));
            browser.send("[\"e\",1,\"1\",\"click\",{},0]");
            assertThat(Frames.parse(browser.next())).isEqualTo(frame(1, 1, new Patch.Text("2", "1")));
            browser.send("[\"e\",2,\"1\",\"click\",{},1]");
            assertThat(Frames.parse(browser.next())).isEqualTo(frame(2, 2, new Patch.Text("2", "2")));
        }
    }

    @Test
    void aConnectionWithAnUnreadableResumePositionIsClosedWith4404() throws Exception {
        String token = openPage("/counter");
        LiveTab browser = new LiveTab();
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        request.setHeader("Cookie", "aether_live=" + browserCookies.get(token));
        sockets.connect(browser, URI.create("ws://127.0.0.1:" + titan.port() + "/_aether/live?s=" + token + "&last=abc"), request)
                .get(5, TimeUnit.SECONDS);
        assertThat(browser.closeCode()).isEqualTo(4404);
    }

    @Test
    void aBurstOfEventsIsAnsweredFrameByFrameInOrder() throws Exception {
        String token = openPage("/counter");
        try (LiveTab browser = connect(token, 0, null)) {
            browser.next();
            for (int i = 1; i <= 50; i++) {
                browser.send("[\"e\"," + i + ",\"1\",\"click\",{},0]");
            }
            List<String> texts = new java.util.ArrayList<>();
            long expectedSeq = 1;
            long ranUpTo = 0;
            while (ranUpTo < 50) {
                com.fasterxml.jackson.databind.JsonNode frame = LiveHarness.read(browser.next());
                assertThat(frame.get(0).asLong()).as("frames are numbered without gaps").isEqualTo(expectedSeq++);
                assertThat(frame.get(2).asLong()).as("events acknowledged in order").isGreaterThan(ranUpTo);
                ranUpTo = frame.get(2).asLong();
                frame.get(1).forEach(patch -> texts.add(patch.get(2).asText()));
            }
            List<String> expected = new java.util.ArrayList<>();
            for (int i = 1; i <= 50; i++) {
                expected.add(String.valueOf(i));
            }
            assertThat(texts).isEqualTo(expected);
        }
    }

    @Test
    void anEventNamingTheSecondHandlerOfItsTypeRunsThatHandler() throws Exception {
        try (LiveTab browser = connect(openPage("/keys"), 0, null)) {
            browser.next();
            browser.send("[\"e\",1,\"1\",\"keydown\",{\"key\":\"Escape\"},0,1]");
            assertThat(Frames.parse(browser.next())).isEqualTo(frame(1, 1, new Patch.Text("2", "cancel")));
            browser.send("[\"e\",2,\"1\",\"keydown\",{\"key\":\"Enter\"},1]");
            assertThat(Frames.parse(browser.next())).isEqualTo(frame(2, 2, new Patch.Text("2", "save")));
        }
    }

    @Test
    void aMalformedMessageIsAnsweredAndTheConnectionStays() throws Exception {
        String token = openPage("/counter");
        try (LiveTab browser = connect(token, 0, null)) {
            browser.next();
            browser.send("{not json");
            assertThat(patchesIn(browser.next())).containsExactly(new Patch.Rejected(0, "malformed message: not JSON"));
            browser.session.sendBinary(ByteBuffer.wrap(new byte[] {1, 2}), Callback.NOOP);
            assertThat(patchesIn(browser.next())).containsExactly(new Patch.Rejected(0, "binary messages are not part of the live protocol"));
            browser.send("[\"e\",1,\"1\",\"click\",{},0]");
            assertThat(patchesIn(browser.next())).containsExactly(new Patch.Text("2", "1"));
        }
    }

    @Test
    void aMessageOverTheSizeLimitClosesTheConnectionButTheSessionSurvives() throws Exception {
        String token = openPage("/counter");
        LiveTab browser = connect(token, 0, null);
        browser.next();
        browser.send("[\"e\",1,\"1\",\"click\",{},0]");
        assertThat(Frames.parse(browser.next())).isEqualTo(frame(1, 1, new Patch.Text("2", "1")));
        browser.send("[\"e\",2,\"1\",\"click\",{\"value\":\"" + "x".repeat(100 * 1024) + "\"},1]");
        assertThat(browser.closeCode()).isEqualTo(1009);   // message too big

        try (LiveTab again = connect(token, 1, null)) {
            assertThat(Frames.parse(again.next())).isEqualTo(resume(1));
            again.send("[\"e\",2,\"1\",\"click\",{},1]");
            assertThat(Frames.parse(again.next())).isEqualTo(frame(2, 2, new Patch.Text("2", "2")));
        }
    }

    @Test
    void aReconnectReplaysTheFramesItMissed() throws Exception {
        String token = openPage("/counter");
        LiveTab browser = connect(token, 0, null);
        browser.next();
        browser.send("[\"e\",1,\"1\",\"click\",{},0]");
        String first = browser.next();
        browser.send("[\"e\",2,\"1\",\"click\",{},0]");
        String second = browser.next();
        browser.close();
        browser.closeCode();

        try (LiveTab again = connect(token, 0, null)) {
            assertThat(again.next()).isEqualTo(first);
            assertThat(again.next()).isEqualTo(second);
            assertThat(Frames.parse(again.next())).isEqualTo(resume(2));
            again.send("[\"e\",2,\"1\",\"click\",{},2]");           // a resend after the reconnect runs nothing
            again.send("[\"e\",3,\"1\",\"click\",{},2]");
            assertThat(Frames.parse(again.next())).isEqualTo(frame(3, 3, new Patch.Text("2", "3")));
        }
    }

    @Test
    void aConnectionWithAVictimsTokenButWithoutTheVictimsCookieIsRefusedAndTheVictimKeepsItsPage() throws Exception {
        String token = openPage("/counter");
        try (LiveTab victim = connect(token, 0, null)) {
            victim.next();
            LiveTab noCookie = connect(titan, token, 0, null, null);
            assertThat(noCookie.closeCode()).as("refused as an unknown token is").isEqualTo(4404);
            String attackersOwnCookie = liveCookie(get("/counter"));
            LiveTab otherBrowser = connect(titan, token, 0, null, attackersOwnCookie);
            assertThat(otherBrowser.closeCode()).isEqualTo(4404);
            assertThat(otherBrowser.frames).isEmpty();

            assertThat(victim.closed).as("the victim is not taken over").isNotDone();
            victim.send("[\"e\",1,\"1\",\"click\",{},0]");
            assertThat(Frames.parse(victim.next())).isEqualTo(frame(1, 1, new Patch.Text("2", "1")));
        }
    }

    @Test
    void aPageSetsAnHttpOnlyLiveCookieWhoseValueIsNotInThePage() throws Exception {
        HttpResponse<String> r = get("/counter");
        String setCookie = r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("aether_live=")).findFirst().orElseThrow();
        assertThat(setCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax").containsIgnoringCase("Path=/")
                .doesNotContainIgnoringCase("Secure");
        assertThat(liveCookie(r)).hasSizeGreaterThanOrEqualTo(20);
        assertThat(r.body()).doesNotContain(liveCookie(r));
    }

    @Test
    void aBrowserWithTheLiveCookieKeepsItAndItsNewPagesAreBoundToIt() throws Exception {
        String cookie = liveCookie(get("/counter"));
        HttpResponse<String> r = get("/counter", "Cookie", "aether_live=" + cookie);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("aether_live="));
        try (LiveTab browser = connect(titan, RunningWeb.sessionToken(r), 0, null, cookie)) {
            assertThat(Frames.parse(browser.next())).isEqualTo(resume(0));
        }
    }

    @Test
    void aSecondConnectionFromTheSameBrowserTakesTheSessionOverAndTheFirstIsClosedWith4409() throws Exception {
        String token = openPage("/counter");
        LiveTab first = connect(token, 0, null);
        first.next();
        try (LiveTab second = connect(token, 0, null)) {
            assertThat(Frames.parse(second.next())).isEqualTo(resume(0));
            assertThat(first.closeCode()).isEqualTo(4409);
            second.send("[\"e\",1,\"1\",\"click\",{},0]");
            assertThat(Frames.parse(second.next())).isEqualTo(frame(1, 1, new Patch.Text("2", "1")));
        }
    }

    // ---- streaming ---------------------------------------------------------------------------------

    @Test
    void aSuspenseBoundaryIsStreamedAsAChunkBeforeTheRuntimeTagAndTheResponseEndsAfterIt() throws Exception {
        CompletableFuture<String> data = new CompletableFuture<>();
        slow = data;
        timers.schedule(() -> data.complete("too late"), 5, TimeUnit.SECONDS);   // never hang the suite
        HttpResponse<InputStream> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/slow")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try (InputStream in = r.body()) {
            while (!received.toString(StandardCharsets.UTF_8).contains("Loading the profile")) {
                int n = in.read(buffer);
                assertThat(n).as("the shell arrives before the data").isPositive();
                received.write(buffer, 0, n);
            }
            String shell = received.toString(StandardCharsets.UTF_8);
            assertThat(shell).doesNotContain("data-ae-chunk").doesNotContain("/_aether/runtime.js");
            data.complete("Ada Lovelace");
            for (int n; (n = in.read(buffer)) > 0; ) {
                received.write(buffer, 0, n);
            }
        }
        String page = received.toString(StandardCharsets.UTF_8);
        int chunk = page.indexOf("<template data-ae-chunk=\"1\">");
        int runtime = page.indexOf("<script src=\"/_aether/runtime.js");
        assertThat(chunk).isPositive();
        assertThat(runtime).isGreaterThan(chunk);
        assertThat(page.substring(chunk)).contains("Ada Lovelace").containsPattern("<script nonce=\"[A-Za-z0-9_-]{20,}\">\\$ae\\(\"1\"\\)</script>");
        assertThat(page.indexOf("function $ae(")).isBetween(0, chunk);
        assertThat(page).endsWith("</script></body></html>");
    }

    // ---- session lifetime on a real server ------------------------------------------------------------

    @Test
    void aSessionWhoseConnectionDroppedEndsAfterTheGracePeriod() throws Exception {
        AetherWeb shortLived = AetherWeb.builder().page("/counter", request -> counterPage()).gracePeriod(Duration.ofMillis(300)).build();
        Titan server = Titan.builder().port(0).mount(shortLived).build().start();
        try {
            HttpResponse<String> r = get(server, "/counter");
            String token = token(r);
            LiveTab browser = connect(server, token, 0, null);
            browser.next();
            Thread.sleep(600);
            assertThat(shortLived.liveSessions()).as("kept while connected").isEqualTo(1);
            browser.close();
            browser.closeCode();
            await("the session ended", () -> shortLived.liveSessions() == 0);
            assertThat(connect(server, token, 0, null).closeCode()).isEqualTo(4404);
        } finally {
            server.stop();
        }
    }

    @Test
    void cookiesAreSecureWhenATrustedProxySaysThePageWasAskedForOverHttps() throws Exception {
        AetherWeb own = AetherWeb.builder().page("/counter", request -> counterPage()).trustedProxies("127.0.0.1").build();
        Titan server = Titan.builder().port(0).mount(own).build().start();
        try {
            HttpResponse<String> https = get(server, "/counter", "X-Forwarded-Proto", "https");
            assertThat(https.headers().allValues("Set-Cookie")).hasSize(2).allSatisfy(c -> assertThat(c).containsIgnoringCase("; Secure"));
            HttpResponse<String> plain = get(server, "/counter");
            assertThat(plain.headers().allValues("Set-Cookie")).hasSize(2).noneMatch(c -> c.toLowerCase().contains("secure"));
        } finally {
            server.stop();
        }
    }

    @Test
    void xForwardedProtoFromAnAddressThatIsNoTrustedProxyIsIgnored() throws Exception {
        HttpResponse<String> r = get("/counter", "X-Forwarded-Proto", "https");
        assertThat(r.headers().allValues("Set-Cookie")).hasSize(2).noneMatch(c -> c.toLowerCase().contains("secure"));
    }

    @Test
    void anOriginInTitansAllowedOriginsMayConnect() throws Exception {
        AetherWeb own = AetherWeb.builder().page("/counter", request -> counterPage()).build();
        Titan server = Titan.builder().port(0).allowedOrigins("http://app.example").mount(own).build().start();
        try {
            HttpResponse<String> r = get(server, "/counter");
            String token = token(r);
            LiveTab allowed = connect(server, token, 0, "http://app.example");
            assertThat(Frames.parse(allowed.next())).isEqualTo(resume(0));
            allowed.close();
            assertThat(connect(server, token, 0, "http://other.example").closeCode()).isEqualTo(4403);
        } finally {
            server.stop();
        }
    }

    @Test
    void aPageThatStreamsLongerThanTheGracePeriodKeepsItsSession() throws Exception {
        CompletableFuture<String> data = new CompletableFuture<>();
        AetherWeb own = AetherWeb.builder().gracePeriod(Duration.ofMillis(300))
                .page("/slow", request -> Page.of("Slow", () -> component(() -> {
                    Resource<String> user = Reactive.resource(() -> data);
                    return div(suspense(() -> p(text("Loading")), () -> p(text(() -> Suspense.read(user)))));
                })))
                .build();
        Titan server = Titan.builder().port(0).stopTimeout(Duration.ofMillis(500)).mount(own).build().start();
        try {
            timers.schedule(() -> data.complete("Ada"), 800, TimeUnit.MILLISECONDS);
            HttpResponse<String> r = http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slow")).build(),
                    HttpResponse.BodyHandlers.ofString()).get(4, TimeUnit.SECONDS);
            assertThat(r.body()).contains("<template data-ae-chunk=\"1\">").endsWith("</body></html>");
            LiveTab browser = connect(server, token(r), 0, null);
            assertThat(Frames.parse(browser.next())).isEqualTo(resume(0));
            browser.close();
        } finally {
            server.stop();
        }
        // The 500 ms stop timeout keeps this test short; Jetty's graceful stop may outlast it (it
        // logs a TimeoutException) or not, and nothing else may be logged above INFO.
        assertThat(titanLog.take()).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).allSatisfy(e -> {
            assertThat(e.getFormattedMessage()).isEqualTo("error while stopping Titan");
            assertThat(e.getThrowableProxy().getClassName()).isEqualTo(java.util.concurrent.TimeoutException.class.getName());
        });
    }

    @Test
    void aDeliveredPageWhoseBrowserNeverConnectsEndsAfterTheGracePeriod() throws Exception {
        AetherWeb shortLived = AetherWeb.builder().page("/counter", request -> counterPage()).gracePeriod(Duration.ofMillis(300)).build();
        Titan server = Titan.builder().port(0).mount(shortLived).build().start();
        try {
            HttpResponse<String> r = get(server, "/counter");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(shortLived.liveSessions()).isEqualTo(1);
            await("the unattached session ended", () -> shortLived.liveSessions() == 0);
        } finally {
            server.stop();
        }
    }

    @Test
    void stoppingTheServerTellsConnectedBrowsersToComeBackLater() throws Exception {
        AetherWeb own = AetherWeb.builder().page("/counter", request -> counterPage()).build();
        Titan server = Titan.builder().port(0).mount(own).build().start();
        try {
            HttpResponse<String> r = get(server, "/counter");
            LiveTab browser = connect(server, token(r), 0, null);
            browser.next();
            server.stop();
            assertThat(browser.closeCode()).isEqualTo(1001);
            assertThat(own.liveSessions()).isZero();
        } catch (Throwable t) {
            server.stop();
            throw t;
        }
    }
}
