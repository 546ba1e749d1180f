package dev.aether.benchmarks.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The live-session benchmark at toy sizes (20 sessions, 2 rounds), the child client JVM included:
 * it runs, each session gets each push, and the frames are the ones the protocol promises. The
 * figures themselves mean nothing at this size.
 */
class LiveBenchmarkSmokeTest {
    @Test
    @Timeout(60)
    void everyPhaseRunsAtTinySizes() throws Exception {
        // No warm-up, 2 collections per heap reading; heap (c) and (d) are left out (a JVM start each): the fan-out runs the child JVM.
        LiveBenchmark.Config cfg = new LiveBenchmark.Config(0, 20, 2, 20, 2, 50, 2, 10, true, 60, 10_000,
                List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"),
                Set.of("wire", "heap-a", "heap-b", "fanout"), 2, 100, false);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        LiveBenchmark.Results r = new LiveBenchmark(cfg, new PrintStream(log, true, StandardCharsets.UTF_8)).run(true);

        assertThat(r.problems()).as(log.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(r.heap()).extracting(LiveBenchmark.Heap::label)
                .hasSize(2).allSatisfy(label -> assertThat(label).matches("\\([ab]\\).*"));
        assertThat(r.heap()).allSatisfy(h -> assertThat(h.mean()).isFinite());

        LiveBenchmark.Wire w = r.wire();
        assertThat(w.clickAnswer()).singleElement().satisfies(f -> {
            assertThat(f.text()).matches("\\[1,\\[\\[\"t\",\"\\d+\",\"1\"]],1]");
            assertThat(f.wireBytes()).isEqualTo(f.payloadBytes() + 2).isLessThanOrEqualTo(64);
        });
        assertThat(w.pushAnswer()).singleElement().satisfies(f -> assertThat(f.text()).matches("\\[2,\\[\\[\"t\",\"\\d+\",\"\\d+\"]],1]"));
        assertThat(w.plain().clickAnswers()).hasSize(2).allSatisfy(f -> {
            assertThat(f.text()).matches("\\[(\\d+),\\[\\[\"t\",\"\\d+\",\"\\d+\"]],\\1]");
            assertThat(f.headerBytes()).isEqualTo(2);
            assertThat(f.compressed()).isFalse();
        });
        assertThat(w.plain().negotiated()).isEqualTo("none");
        // the live channel declines a browser's permessage-deflate offer (a Deflater per connection)
        assertThat(w.deflate().negotiated()).isEqualTo("none");
        assertThat(w.deflate().clickAnswers()).allSatisfy(f -> assertThat(f.compressed()).isFalse());

        LiveBenchmark.FanOut f = r.fanOut();
        assertThat(f.sessions()).isEqualTo(20);
        assertThat(f.serverSessions()).isEqualTo(20);
        assertThat(f.observers()).isEqualTo(20);
        assertThat(f.rounds()).hasSize(2).allSatisfy(rr -> assertThat(rr.received()).isEqualTo(20));
        assertThat(f.complete()).isTrue();
        assertThat(LiveReport.summary(cfg, r)).contains("Median over rounds of p99");
    }
}
