package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Titan;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.eclipse.jetty.websocket.core.CloseStatus;

/**
 * Peers that start a fragmented message and never finish it: the server holds at most its
 * budget for all of them together, closes the ones it cannot hold (1013) or that take too long
 * (1008), and gives the bytes back when they go.
 */
class UnfinishedMessagesTest {
    private static final int PEERS = 200;
    private static final int FRAGMENT = 32 * 1024;
    private static final int PER_PEER = 512 * 1024;
    private static final long BUDGET = 8L * 1024 * 1024;
    private static final long MIB = 1024 * 1024;

    @Test
    void twoHundredPeersWithUnfinishedMessagesKeepHeapGrowthUnderTheBudget() {
        try (Titan titan = Titan.builder().port(0).service(new EchoService()).maxPacketBytes(4 * 1024 * 1024)
                .unfinishedMessages(BUDGET, Duration.ofMinutes(5)).build().start()) {
            long before = usedHeapAfterGc();
            List<FrameSocket> peers = new ArrayList<>();
            byte[] fragment = new byte[FRAGMENT];
            for (int i = 0; i < PEERS; i++) {
                FrameSocket peer = FrameSocket.open(titan.webSocketUri());
                peers.add(peer);
                peer.send(true, FrameSocket.TEXT, ("{\"type\":\"client-id\",\"id\":\"hoarder-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
                boolean open = peer.send(false, FrameSocket.BINARY, fragment);
                for (int sent = FRAGMENT; open && sent < PER_PEER; sent += FRAGMENT) {
                    open = peer.send(false, FrameSocket.CONTINUATION, fragment);
                }
            }
            awaitHeld(titan, held -> held > 0);
            long growth = usedHeapAfterGc() - before;

            // Without the budget the peers hold 200 x 512 KiB = 100 MiB; 200 idle connections cost a few MiB.
            assertThat(growth).as("heap growth in MiB: %d", growth / MIB).isLessThan(BUDGET + 24 * MIB);
            assertThat(held(titan)).isLessThanOrEqualTo(BUDGET);
            int refused = 0;
            for (FrameSocket peer : peers) {
                int code = peer.awaitCloseCode(Duration.ofMillis(50));
                if (code == CloseStatus.TRY_AGAIN_LATER) {
                    refused++;
                }
            }
            assertThat(refused).as("peers closed with 1013").isGreaterThan(PEERS / 2);

            peers.forEach(FrameSocket::close);
            awaitHeld(titan, held -> held == 0);
        }
    }

    @Test
    void budgetFreedByClosedPeersServesTheNextLargeMessage() throws Exception {
        try (Titan titan = Titan.builder().port(0).service(new EchoService()).maxPacketBytes(2 * 1024 * 1024)
                .unfinishedMessages(MIB, Duration.ofMinutes(5)).build().start()) {
            FrameSocket hoarder = FrameSocket.open(titan.webSocketUri());
            hoarder.send(true, FrameSocket.TEXT, "{\"type\":\"client-id\",\"id\":\"hoarder\"}".getBytes(StandardCharsets.UTF_8));
            hoarder.send(false, FrameSocket.BINARY, new byte[FRAGMENT]);
            for (int sent = FRAGMENT; sent < 768 * 1024; sent += FRAGMENT) {
                hoarder.send(false, FrameSocket.CONTINUATION, new byte[FRAGMENT]);
            }
            awaitHeld(titan, held -> held >= 512 * 1024);
            hoarder.close();
            awaitHeld(titan, held -> held == 0);

            String big = "z".repeat(600 * 1024);
            try (RawSocket socket = RawSocket.connect(titan.webSocketUri()).handshake("after")) {
                assertThat(socket.request(Packet.request(1, PacketType.CALL, List.of("echo", "echo", big))).data()).isEqualTo(big);
            }
        }
    }

    @Test
    void peerThatDoesNotFinishItsMessageInTimeIsClosedWith1008() {
        try (Titan titan = Titan.builder().port(0).service(new EchoService())
                .unfinishedMessages(MIB, Duration.ofMillis(300)).build().start();
             FrameSocket slow = FrameSocket.open(titan.webSocketUri())) {
            slow.send(true, FrameSocket.TEXT, "{\"type\":\"client-id\",\"id\":\"slow\"}".getBytes(StandardCharsets.UTF_8));
            slow.send(false, FrameSocket.BINARY, new byte[FRAGMENT]);
            assertThat(slow.awaitCloseCode(Duration.ofSeconds(10))).isEqualTo(CloseStatus.POLICY_VIOLATION);
            awaitHeld(titan, held -> held == 0);
        }
    }

    private static long held(Titan titan) {
        return (long) titan.meterRegistry().get(Titan.UNFINISHED_BYTES_METRIC).gauge().value();
    }

    private static void awaitHeld(Titan titan, java.util.function.LongPredicate condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.test(held(titan))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("bytes held stayed at " + held(titan));
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
