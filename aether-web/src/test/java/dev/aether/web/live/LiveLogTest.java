package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.testing.CapturedLog;
import dev.aether.web.AetherWeb;
import dev.aether.web.Page;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a peer sends reaches the log escaped, cut short and rate-limited: it can neither forge a
 * line nor fill the disk. Real Titan, real WebSockets, the log captured with a Logback appender.
 */
class LiveLogTest {
    private RunningWeb server;

    @BeforeEach
    void start() throws Exception {
        AetherWeb web = AetherWeb.builder()
                .eventRateLimit(1_000_000, Duration.ofSeconds(1))   // every event reaches the session: this is about the log
                .page("/page", request -> Page.of("Page", () -> button(on("click", () -> { }), text("ok"))))
                .build();
        server = RunningWeb.of(web);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void aNewlineInAnElementIdCannotStartAForgedLogLine() throws Exception {
        try (CapturedLog log = CapturedLog.open(LiveSession.class)) {
            LiveTab browser = server.openAndAttach("/page");
            browser.send("[\"e\",1,\"9\\n12:00:00.000 ERROR dev.aether.Billing - payments down\",\"click\",{},0]");
            assertThat(patchesIn(browser.next())).singleElement().isInstanceOfSatisfying(Patch.Rejected.class, r -> assertThat(r.event()).isEqualTo(1));
            browser.close();
            assertThat(log.lines()).singleElement().satisfies(line -> assertThat(line)
                    .doesNotContain("\n").contains("element 9\\n12:00:00.000 ERROR dev.aether.Billing - payments down"));
        }
    }

    @Test
    void aFloodOfEventsWithLongIdsWritesABoundedNumberOfBytes() throws Exception {
        try (CapturedLog log = CapturedLog.open(LiveSession.class)) {
            LiveTab browser = server.openAndAttach("/page");
            String longId = "x".repeat(60 * 1024);
            int events = 1_000;
            for (int i = 1; i <= events; i++) {
                browser.send("[\"e\"," + i + ",\"" + longId + "\",\"click\",{},0]");
            }
            long answered = 0;
            while (answered < events) {
                answered = LiveHarness.read(browser.next()).get(2).asLong();
            }
            browser.close();
            long bytes = log.lines().stream().mapToLong(line -> line.getBytes(StandardCharsets.UTF_8).length + 1).sum();
            assertThat(bytes).as("bytes logged for %d events with 60 KB ids (raw: about 60 MB)", events).isLessThan(10 * 1024);
            assertThat(log.lines()).hasSize(21).last().asString().startsWith("20 'no handler' lines in a minute");
        }
    }
}
