package dev.aether.web.live;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.aether.titan.Titan;
import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.AetherWeb;
import dev.aether.web.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * At most {@code maxSessions} live sessions are held: beyond that a page is served whole but
 * without its live runtime (it works as without JavaScript), and holds nothing once written.
 */
class SessionLimitTest {
    /** Reaching the limit is logged once: the test that reaches it asserts that. */
    @RegisterExtension
    final CapturedLog log = CapturedLog.of(LiveSessions.class);

    private AetherWeb web;
    private Titan titan;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void start() {
        web = AetherWeb.builder()
                .maxSessions(2)
                .gracePeriod(Duration.ofMillis(500))
                .page("/form", request -> Page.of("Form", () -> form(attr("method", "post"), attr("action", "/form"),
                        input(name("email")), button(on("click", () -> { }), text("Send")))))
                .build();
        titan = Titan.builder().port(0).mount(web).build().start();
    }

    @AfterEach
    void stop() {
        titan.stop();
    }

    private String page() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + titan.port() + "/form"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void pagesUnderTheLimitAreLive() throws Exception {
        assertThat(page()).contains("data-session=\"").contains("/_aether/runtime.js");
        assertThat(page()).contains("data-session=\"");
        assertThat(web.liveSessions()).isEqualTo(2);
    }

    @Test
    void aPageOverTheLimitIsServedWholeWithoutTheRuntimeAndHoldsNoSession() throws Exception {
        page();
        page();
        String third = page();
        assertThat(third).doesNotContain("data-session").doesNotContain("/_aether/runtime.js")
                .contains("<button data-ae=").endsWith("</body></html>");
        assertThat(third).as("its form still posts, with the CSRF field").contains("<input type=\"hidden\" name=\"_csrf\" value=\"");
        assertThat(web.liveSessions()).isEqualTo(2);
        assertThat(log.take(Level.WARN)).singleElement()
                .satisfies(e -> assertThat(e.getFormattedMessage()).startsWith("2 live sessions held, the limit (AetherWeb.Builder.maxSessions)"));
    }

    @Test
    void pagesAreLiveAgainOnceSessionsHaveEnded() throws Exception {
        page();
        page();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (web.liveSessions() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);   // the two pages never attach: their grace period (500 ms) ends them
        }
        assertThat(web.liveSessions()).isZero();
        assertThat(page()).contains("data-session=\"");
    }
}
