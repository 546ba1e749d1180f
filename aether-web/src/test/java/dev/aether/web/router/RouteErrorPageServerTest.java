package dev.aether.web.router;

import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;


import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.Page;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A route tree's own 500 page, over plain HTTP against a real Titan: shown with the error id, leaking nothing. */
class RouteErrorPageServerTest {
    /** The web layer logs a failed page with its error id. */
    @RegisterExtension
    final CapturedLog pageLog = CapturedLog.of("dev.aether.web.live.PageHandler");

    static final Loader<NoParams, String> FAILING = Loader.of("failing", args -> {
        throw new IllegalStateException("connection to db-7.internal refused");
    });

    static RunningSite site;

    @BeforeAll
    static void start() throws Exception {
        RouteTree tree = RouteTree.builder()
                .page(Level.page(Route.of("/loader-fails"), "Broken", ctx -> p(text(ctx.data(FAILING)))).loader(FAILING))
                .page(Level.page(Route.of("/view-fails"), "Broken", ctx -> {
                    throw new IllegalStateException("view bug at line 42 of SecretView");
                }))
                .page(Level.page(Route.of("/fine"), "Fine", ctx -> p(text("fine"))))
                .errorPage((request, errorId) -> Page.of("Sorry", () -> main(
                        h1(attr("id", "sorry"), text("Sorry, " + request.path() + " failed")),
                        p(attr("id", "error-id"), text(errorId)))))
                .build();
        site = RunningSite.of(tree);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aLoaderFailureWithNoBoundaryShowsTheTreesErrorPageWithTheLoggedErrorId() throws Exception {
        HttpResponse<String> response = site.get("/loader-fails");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<title>Sorry</title>").contains("Sorry, /loader-fails failed").doesNotContain("db-7");
        String shownId = response.body().replaceAll("(?s).*<p id=\"error-id\">([0-9a-f-]+)</p>.*", "$1");
        assertThat(pageLog.take(ch.qos.logback.classic.Level.ERROR)).singleElement().satisfies(logged -> {
            assertThat(logged.getFormattedMessage()).isEqualTo("page /loader-fails failed (error id " + shownId + ")");
            assertThat(logged.getThrowableProxy().getCause().getMessage()).isEqualTo("connection to db-7.internal refused");
        });
    }

    @Test
    void aViewFailureWithNoBoundaryShowsTheTreesErrorPage() throws Exception {
        HttpResponse<String> response = site.get("/view-fails");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Sorry, /view-fails failed").doesNotContain("SecretView");
        assertThat(pageLog.take(ch.qos.logback.classic.Level.ERROR)).singleElement()
                .satisfies(logged -> assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("view bug at line 42 of SecretView"));
    }

    @Test
    void aPageThatWorksIsNotAffected() throws Exception {
        HttpResponse<String> response = site.get("/fine");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<p>fine</p>");
    }
}
