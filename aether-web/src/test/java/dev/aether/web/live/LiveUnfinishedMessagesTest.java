package dev.aether.web.live;

import static dev.aether.web.live.Frames.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.web.AetherWeb;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Fragmented messages on the live channel: joined when finished, and held against the server's
 * one budget for unfinished messages, which the Netron WebSocket draws on too.
 */
class LiveUnfinishedMessagesTest {
    private static final long BUDGET = 64 * 1024;
    private RunningWeb server;

    @BeforeEach
    void start() throws Exception {
        AetherWeb web = AetherWeb.builder().page("/counter", request -> AetherWebServerTest.counterPage()).build();
        server = RunningWeb.of(Titan.builder().port(0).mount(web).unfinishedMessages(BUDGET, Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void anEventSentInFragmentsIsJoinedAndRuns() throws Exception {
        LiveTab browser = server.openAndAttach("/counter");
        browser.session.sendPartialText("[\"e\",1,\"1\",", false, Callback.NOOP);
        browser.session.sendPartialText("\"click\",{},0]", true, Callback.NOOP);
        assertThat(Frames.parse(browser.next())).isEqualTo(frame(1, 1, new Patch.Text("2", "1")));
        browser.close();
    }

    @Test
    void aLiveMessageThatFindsTheSharedBudgetSpentByANetronPeerIsClosedWith1013() throws Exception {
        // A Netron WebSocket peer starts a 48 KiB binary message and never finishes it.
        Session netron = server.sockets().connect(new Session.Listener.AutoDemanding() { }, server.titan().webSocketUri()).get(5, TimeUnit.SECONDS);
        netron.sendPartialBinary(ByteBuffer.allocate(48 * 1024), false, Callback.NOOP);
        awaitHeld(held -> held >= 32 * 1024);

        LiveTab browser = server.openAndAttach("/counter");
        browser.session.sendPartialText("[\"e\",1,\"1\",\"click\",{\"v\":\"" + "x".repeat(20 * 1024), false, Callback.NOOP);
        assertThat(browser.closeCode()).isEqualTo(StatusCode.TRY_AGAIN_LATER);
        netron.close();
        awaitHeld(held -> held == 0);
    }

    @Test
    void aLiveMessageNotFinishedInTimeIsClosedWith1008AndItsBytesGoBack() throws Exception {
        LiveTab browser = server.openAndAttach("/counter");
        browser.session.sendPartialText("[\"e\",1,\"1\",\"click\",{\"v\":\"" + "x".repeat(20 * 1024), false, Callback.NOOP);
        awaitHeld(held -> held > 0);
        assertThat(browser.closeCode()).isEqualTo(StatusCode.POLICY_VIOLATION);
        awaitHeld(held -> held == 0);
    }

    private void awaitHeld(java.util.function.LongPredicate condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(held())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("bytes held stayed at " + held());
            }
            Thread.sleep(10);
        }
    }

    private long held() {
        return (long) server.titan().meterRegistry().get(Titan.UNFINISHED_BYTES_METRIC).gauge().value();
    }
}
