package dev.aether.web.live;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.titan.Principal;
import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import dev.aether.web.BrowserStorage;
import dev.aether.web.LivePage;
import dev.aether.web.Page;
import dev.aether.web.protocol.LiveProtocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A real Titan serving pages that read their visitor and persist a value: the principal cookie, and the persist part's tag and script. */
class LivePageServerTest {
    static Titan titan;
    static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        AetherWeb web = AetherWeb.builder()
                .principalFromCookie("demo", token -> token.equals("ada-token")
                        ? Optional.of(new Principal("ada", Set.of(), Set.of(), Set.of(), Map.of())) : Optional.empty())
                .page("/who", request -> Page.of("Who", () -> p(id("who"), text(LivePage.principal().map(Principal::id).orElse("anonymous")))))
                .page("/kept", request -> Page.of("Kept", () -> div(BrowserStorage.session().persist(Reactive.signal("x"), "k", String.class))))
                .build();
        titan = Titan.builder().port(0).mount(web).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(titan.httpUri() + path));
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPageKnowsTheVisitorItsCookieNames() throws Exception {
        assertThat(get("/who", "demo=ada-token").body()).contains("<p id=\"who\">ada</p>");
    }

    @Test
    void aPageWithoutTheCookieOrWithABadTokenIsAnonymous() throws Exception {
        assertThat(get("/who", null).body()).contains("<p id=\"who\">anonymous</p>");
        assertThat(get("/who", "demo=forged").body()).contains("<p id=\"who\">anonymous</p>");
    }

    @Test
    void onlyAPagePersistingAValueLoadsThePersistPartAtTheEndOfItsHeadWithItsValues() throws Exception {
        String kept = get("/kept", null).body();
        String head = kept.substring(0, kept.indexOf("</head>"));
        assertThat(head).containsPattern("<script src=\"" + LiveProtocol.Paths.PERSIST_RUNTIME.replace(".", "\\.") + "\\?v=[0-9a-f]+\""
                + "[^>]* " + LiveProtocol.Markup.PART_SETTINGS + "=\"\\[\\[&quot;session&quot;,&quot;k&quot;,");
        assertThat(head).doesNotContain(LiveProtocol.Paths.RUNTIME);
        assertThat(get("/who", null).body()).doesNotContain(LiveProtocol.Paths.PERSIST_RUNTIME);
    }

    @Test
    void thePersistPartIsServedAsJavaScriptCachedForAYear() throws Exception {
        HttpResponse<String> part = get(LiveProtocol.Paths.PERSIST_RUNTIME + "?v=1", null);
        assertThat(part.statusCode()).isEqualTo(200);
        assertThat(part.headers().firstValue("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(part.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(part.body()).contains("PROTOCOL");
    }
}
