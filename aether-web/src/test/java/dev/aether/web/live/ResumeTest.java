package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static dev.aether.web.html.Html.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.protocol.LiveProtocol;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frames are numbered and kept until acknowledged, so a browser that reconnects with the number
 * of the last frame it applied gets exactly what it missed, then the resume frame
 * {@code ["resume", lastEvent]}; a position the buffer no longer covers (or never reached) is refused.
 */
class ResumeTest {
    Signal<Integer> count;

    private LiveHarness counter(int maxBufferedFrames) {
        return LiveHarness.render(() -> {
            count = Reactive.signal(0);
            return button(on("click", () -> count.update(n -> n + 1)), text(() -> count.get()));
        }, Duration.ofSeconds(30), maxBufferedFrames);
    }

    /** Makes {@code n} frames by server pushes; returns them as sent. */
    private List<String> push(LiveHarness live, int n) {
        for (int i = 0; i < n; i++) {
            live.run(() -> count.update(x -> x + 1));
        }
        return live.takeFrames();
    }

    // ---- replay -----------------------------------------------------------------------------

    @Test
    void aReconnectReceivesExactlyTheFramesAfterItsLastSeenThenTheResumeFrame() {
        try (LiveHarness live = counter(512)) {
            List<String> sent = push(live, 3);
            assertThat(sent).hasSize(3);
            live.detach(live.connection);
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            assertThat(live.attach(again, 1)).isTrue();
            assertThat(Frames.parseAll(again.frames)).containsExactly(Frames.parse(sent.get(1)), Frames.parse(sent.get(2)), resume(0));
        }
    }

    @Test
    void theResumeFrameNamesTheLastEventThatRan() {
        try (LiveHarness live = counter(512)) {
            live.event("1", "click");
            live.event("1", "click");
            live.takeFrames();
            live.detach(live.connection);
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            assertThat(live.attach(again, 2)).isTrue();
            assertThat(Frames.parseAll(again.frames)).containsExactly(resume(2));
        }
    }

    @Test
    void framesMadeWhileNoConnectionIsAttachedAreReplayedOnReconnect() {
        try (LiveHarness live = counter(512)) {
            live.detach(live.connection);
            live.run(() -> count.set(5));
            live.run(() -> count.set(6));
            assertThat(live.takeFrames()).isEmpty();
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            assertThat(live.attach(again, 0)).isTrue();
            assertThat(Frames.parseAll(again.frames)).containsExactly(frame(1, 0, new Patch.Text("2", "5")), frame(2, 0, new Patch.Text("2", "6")), resume(0));
        }
    }

    @Test
    void aReconnectThatHasSeenEveryFrameGetsOnlyTheResumeFrame() {
        try (LiveHarness live = counter(512)) {
            push(live, 2);
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            assertThat(live.attach(again, 2)).isTrue();
            assertThat(Frames.parseAll(again.frames)).containsExactly(resume(0));
        }
    }

    @Test
    void frameNumbersGoOnAfterAReconnect() {
        try (LiveHarness live = counter(512)) {
            push(live, 2);
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            live.attach(again, 2);
            again.frames.clear();
            live.run(() -> count.set(100));
            assertThat(Frames.parseAll(again.frames)).containsExactly(frame(3, 0, new Patch.Text("2", "100")));
        }
    }

    // ---- refused positions ----------------------------------------------------------------------

    @Test
    void aLastSeenOlderThanTheBufferIsRefused() {
        try (LiveHarness live = counter(2)) {
            List<String> sent = push(live, 5);      // the buffer keeps frames 4 and 5
            assertThat(live.session.bufferedFrames()).isEqualTo(2);
            LiveHarness.Recorder stale = new LiveHarness.Recorder();
            assertThat(live.attach(stale, 2)).isFalse();
            assertThat(live.attach(stale, 0)).isFalse();
            assertThat(stale.frames).isEmpty();
            LiveHarness.Recorder fresh = new LiveHarness.Recorder();
            assertThat(live.attach(fresh, 3)).isTrue();
            assertThat(Frames.parseAll(fresh.frames)).containsExactly(Frames.parse(sent.get(3)), Frames.parse(sent.get(4)), resume(0));
        }
    }

    @Test
    void aLastSeenBeyondTheLastFrameSentIsRefused() {
        try (LiveHarness live = counter(512)) {
            push(live, 2);
            LiveHarness.Recorder future = new LiveHarness.Recorder();
            assertThat(live.attach(future, 3)).isFalse();
            assertThat(live.attach(future, Long.MAX_VALUE)).isFalse();
            assertThat(future.frames).isEmpty();
        }
    }

    @Test
    void aNegativeLastSeenIsRefused() {
        try (LiveHarness live = counter(512)) {
            assertThat(live.attach(new LiveHarness.Recorder(), -1)).isFalse();
        }
    }

    @Test
    void aRefusedAttachLeavesTheCurrentConnectionAttached() {
        try (LiveHarness live = counter(512)) {
            push(live, 1);
            assertThat(live.attach(new LiveHarness.Recorder(), 99)).isFalse();
            assertThat(live.connection.closeCode).isZero();
            assertThat(push(live, 1)).hasSize(1);
        }
    }

    // ---- acknowledgements -------------------------------------------------------------------------

    @Test
    void anAcknowledgementDropsTheFramesUpToIt() {
        try (LiveHarness live = counter(512)) {
            List<String> sent = push(live, 3);
            assertThat(live.session.bufferedFrames()).isEqualTo(3);
            live.run(() -> live.session.acknowledge(2));
            assertThat(live.session.bufferedFrames()).isEqualTo(1);
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            assertThat(live.attach(again, 1)).isFalse();    // frame 2 is gone
            assertThat(live.attach(again, 2)).isTrue();
            assertThat(Frames.parseAll(again.frames)).containsExactly(Frames.parse(sent.get(2)), resume(0));
        }
    }

    @Test
    void acknowledgingEveryFrameEmptiesTheBufferAndStillAllowsResuming() {
        try (LiveHarness live = counter(512)) {
            push(live, 3);
            live.run(() -> live.session.acknowledge(3));
            assertThat(live.session.bufferedFrames()).isZero();
            LiveHarness.Recorder again = new LiveHarness.Recorder();
            assertThat(live.attach(again, 3)).isTrue();
            assertThat(Frames.parseAll(again.frames)).containsExactly(resume(0));
        }
    }

    @Test
    void anAcknowledgementOfAnOlderFrameChangesNothing() {
        try (LiveHarness live = counter(512)) {
            push(live, 3);
            live.run(() -> live.session.acknowledge(2));
            live.run(() -> live.session.acknowledge(1));
            assertThat(live.session.bufferedFrames()).isEqualTo(1);
            assertThat(live.attach(new LiveHarness.Recorder(), 2)).isTrue();
        }
    }

    @Test
    void theBufferKeepsTheNewestMaxBufferedFrames() {
        try (LiveHarness live = counter(3)) {
            push(live, 10);
            assertThat(live.session.bufferedFrames()).isEqualTo(3);
            assertThat(live.attach(new LiveHarness.Recorder(), 6)).isFalse();
            assertThat(live.attach(new LiveHarness.Recorder(), 7)).isTrue();
        }
    }

    // ---- one connection at a time ----------------------------------------------------------------

    @Test
    void aSecondConnectionReplacesTheFirstWhichIsClosedWith4409() {
        try (LiveHarness live = counter(512)) {
            push(live, 1);
            LiveHarness.Recorder second = new LiveHarness.Recorder();
            assertThat(live.attach(second, 1)).isTrue();
            assertThat(live.connection.closeCode).isEqualTo(LiveProtocol.Close.REPLACED).isEqualTo(4409);
            assertThat(Frames.parseAll(second.frames)).containsExactly(resume(0));
            live.run(() -> count.set(9));
            assertThat(live.takeFrames()).isEmpty();
            assertThat(second.frames).hasSize(2);
        }
    }

    @Test
    void theReplacedConnectionClosingLaterDoesNotDetachTheNewOne() {
        try (LiveHarness live = counter(512)) {
            LiveHarness.Recorder second = new LiveHarness.Recorder();
            live.attach(second, 0);
            live.detach(live.connection);                 // the old socket's close arrives after the takeover
            assertThat(live.call(live.session::attached)).isTrue();
            second.frames.clear();
            live.run(() -> count.set(9));
            assertThat(second.frames).hasSize(1);
        }
    }

    @Test
    void attachingTheSameConnectionAgainDoesNotCloseIt() {
        try (LiveHarness live = counter(512)) {
            assertThat(live.attach(live.connection, 0)).isTrue();
            assertThat(live.connection.closeCode).isZero();
        }
    }
}
