package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.examples.showcase.web.PageLink;
import dev.aether.examples.showcase.web.TeamPage;
import dev.aether.examples.showcase.web.WebPages;
import dev.aether.titan.event.InProcessEventBus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The startup banner lists the pages the application really serves. */
class BannerTest {
    private static final URI HTTP = URI.create("http://127.0.0.1:8080");

    private static String banner() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Banner(new PrintStream(out, true, StandardCharsets.UTF_8)).print(HTTP, URI.create("ws://127.0.0.1:8080/netron"));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theListedPagesAreExactlyTheRoutesServed() {
        assertThat(WebPages.PAGES).extracting(PageLink::path)
                .containsExactlyInAnyOrderElementsOf(WebPages.routes(new InProcessEventBus(), new TeamPage()).patterns().stream().map(Object::toString).toList());
    }

    @Test
    void theBannerShowsTheAddressOfEveryPage() {
        String banner = banner();
        for (PageLink page : WebPages.PAGES) {
            assertThat(banner).as("the banner lists %s", page.path()).contains(HTTP + page.path() + " ");
        }
        assertThat(banner).contains(HTTP + "/stocks ");
    }
}
