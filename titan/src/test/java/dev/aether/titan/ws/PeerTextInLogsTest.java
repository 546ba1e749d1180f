package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.testing.CapturedLog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A peer's own id reaches the log escaped: a newline in it cannot start a forged line. Real Titan, real WebSocket. */
class PeerTextInLogsTest {
    @RegisterExtension
    static final TitanWithSockets server = new TitanWithSockets(() -> Titan.builder().port(0).service(new CalculatorService()).build());

    @Test
    void aNewlineInAPeersClientIdCannotStartAForgedLogLine() throws InterruptedException {
        try (CapturedLog log = CapturedLog.open(NetronSocket.class);
             RawSocket socket = server.connect().handshake("7\\n12:00:00.000 ERROR dev.aether.Billing - payments down")) {
            socket.sendText("after the handshake every frame is binary");   // refused, and logged with the peer's id
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (log.lines().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<String> lines = log.lines();
            assertThat(lines).singleElement().satisfies(line -> assertThat(line).doesNotContain("\n")
                    .startsWith("peer 7\\n12:00:00.000 ERROR dev.aether.Billing - payments down: dropped a text frame"));
        }
    }
}
