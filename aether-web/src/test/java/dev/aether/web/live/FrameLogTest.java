package dev.aether.web.live;

import static dev.aether.web.live.Frames.frame;
import static dev.aether.web.live.Frames.resume;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.web.protocol.LiveProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frame log on its own: numbering, the bounded buffer, acknowledgements and replay, with no threads. */
class FrameLogTest {
    private final FrameLog log = new FrameLog(3);

    private String push(String text, long answeredUpTo) {
        return log.append(List.of(new Patch.Text("2", text)), answeredUpTo);
    }

    @Test
    void framesWithPatchesAreNumberedFromOne() {
        assertThat(Frames.parse(push("a", 0))).isEqualTo(frame(1, 0, new Patch.Text("2", "a")));
        assertThat(Frames.parse(push("b", 4))).isEqualTo(frame(2, 4, new Patch.Text("2", "b")));
    }

    @Test
    void aFrameWithoutPatchesIsNeitherNumberedNorKept() {
        assertThat(Frames.parse(log.append(List.of(), 7))).isEqualTo(frame(0, 7));
        assertThat(log.size()).isZero();
        assertThat(Frames.parse(push("a", 7))).isEqualTo(frame(1, 7, new Patch.Text("2", "a")));
    }

    @Test
    void theResumeFrameNamesItsKindAndTheEventsAnswered() {
        assertThat(FrameLog.resume(5)).isEqualTo("[\"" + LiveProtocol.Outbound.RESUME + "\",5]");
        assertThat(Frames.parse(FrameLog.resume(5))).isEqualTo(resume(5));
    }

    @Test
    void aBrowserIsSentTheFramesAfterTheLastItApplied() {
        String first = push("a", 0);
        String second = push("b", 0);
        String third = push("c", 0);
        assertThat(log.after(0)).containsExactly(first, second, third);
        assertThat(log.after(1)).containsExactly(second, third);
        assertThat(log.after(3)).isEmpty();
    }

    @Test
    void acknowledgedFramesAreDropped() {
        push("a", 0);
        push("b", 0);
        String third = push("c", 0);
        log.acknowledge(2);
        assertThat(log.size()).isEqualTo(1);
        assertThat(log.after(0)).containsExactly(third);
        log.acknowledge(1);   // late and out of order: changes nothing
        assertThat(log.size()).isEqualTo(1);
    }

    @Test
    void theOldestFramesGoBeyondTheCapacity() {
        for (String s : List.of("a", "b", "c", "d", "e")) {
            push(s, 0);
        }
        assertThat(log.size()).isEqualTo(3);
        assertThat(Frames.parseAll(log.after(0))).extracting(f -> ((Frames.Frame) f).seq()).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aBrowserCanResumeOnlyFromAPositionTheLogStillCovers() {
        for (String s : List.of("a", "b", "c", "d", "e")) {   // keeps 3, 4 and 5
            push(s, 0);
        }
        assertThat(log.canResumeAfter(1)).as("frame 2 is gone").isFalse();
        assertThat(log.canResumeAfter(2)).isTrue();
        assertThat(log.canResumeAfter(5)).as("up to date").isTrue();
        assertThat(log.canResumeAfter(6)).as("a frame never sent").isFalse();
    }

    @Test
    void anEmptyLogResumesOnlyABrowserThatIsUpToDate() {
        assertThat(log.canResumeAfter(0)).isTrue();
        assertThat(log.canResumeAfter(1)).isFalse();
        push("a", 0);
        log.acknowledge(1);
        assertThat(log.canResumeAfter(1)).isTrue();
        assertThat(log.canResumeAfter(0)).as("frame 1 was acknowledged, so is gone").isFalse();
    }
}
