package dev.aether.examples.showcase.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.examples.showcase.ListenAddress;
import dev.aether.examples.showcase.ShowcaseServer;
import dev.aether.titan.Titan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The showcase's stylesheet and favicon are served from its own origin, and every page uses them. */
class StaticFilesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Titan titan;

    @BeforeAll
    static void start() {
        titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(titan.httpUri() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theFaviconAnswers200WithAnIcon() throws Exception {
        HttpResponse<byte[]> icon = get("/favicon.ico");
        assertThat(icon.statusCode()).isEqualTo(200);
        assertThat(icon.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("image/"));
        assertThat(icon.body()).startsWith(0, 0, 1, 0);   // the ICO header: reserved 0, type 1 (icon)
        assertThat(get("/favicon.svg").statusCode()).isEqualTo(200);
    }

    @Test
    void theStylesheetIsServedAsCss() throws Exception {
        HttpResponse<byte[]> css = get("/showcase.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        assertThat(new String(css.body(), java.nio.charset.StandardCharsets.UTF_8)).contains(".badge");
    }

    @Test
    void everyPageLinksTheStylesheetAndHasAViewport() throws Exception {
        for (PageLink page : WebPages.PAGES) {
            HttpResponse<byte[]> response = get(page.path());
            String html = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response.statusCode()).as(page.path()).isEqualTo(200);
            assertThat(html).as(page.path())
                    .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                    .contains("<link rel=\"stylesheet\" href=\"/showcase.css\">");
        }
    }

    @Test
    void otherPathsStillReachThePagesAndNetron() throws Exception {
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(get("/no-such-file.css").statusCode()).isEqualTo(404);
    }
}
