package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.event.EventCatalog;
import dev.aether.titan.event.EventLimits;
import dev.aether.titan.event.Events;
import dev.aether.titan.event.InProcessEventBus;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * What a connection holds in the server (subscriptions in the bus, calls in flight) is released
 * when it goes, however it goes; and a subscriber that stops reading is dropped before the
 * server's memory grows.
 */
class PeerReleaseTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A method that runs until it is interrupted: a call in flight for as long as the connection lives. */
    @Service("hang@1.0.0")
    public static final class HangService {
        final CountDownLatch started = new CountDownLatch(1);

        @Public
        public int hang() throws InterruptedException {
            started.countDown();
            new CountDownLatch(1).await();
            return 0;
        }
    }

    @Test
    void aThousandPeersThatSubscribeCallAndVanishLeaveNothingBehind() throws Exception {
        Events events = Events.inProcess();
        try (WsHarness harness = new WsHarness(WebSocketOptions.defaults(), events, new HangService())) {
            for (int cycle = 0; cycle < 1_000; cycle++) {
                RawSocket socket = RawSocket.connect(HTTP, harness.uri()).handshake();
                socket.task("subscribe", "user.created");
                socket.task("subscribe", "cycle." + cycle);
                socket.sendBinary(PacketCodec.standard().encode(Packet.request(1, PacketType.CALL, List.of("hang", "hang"))));
                if (cycle % 2 == 0) {
                    socket.close();                       // vanishes without a close frame
                } else {
                    socket.task("unsubscribe", "cycle." + cycle);
                    socket.close();
                }
            }
            awaitZero(() -> events.bus().listenerCount(), "listeners in the bus");
            awaitZero(harness.handler::callsInFlight, "calls in flight");
            awaitZero(harness.handler::connections, "open connections");
        }
    }

    @Test
    void aSubscriberThatStopsReadingIsDroppedWithCloseCode4029() throws Exception {
        Events events = new Events(new InProcessEventBus(), new EventCatalog(Map.of(), false), new EventLimits(10, 16));
        try (WsHarness harness = new WsHarness(WebSocketOptions.defaults(), events)) {
            RawSocket slow = RawSocket.connect(HTTP, harness.uri()).handshake();
            slow.task("subscribe", "price.tick");
            slow.pause();
            byte[] payload = new byte[64 * 1024];
            int emitted = 0;
            // TCP buffers take a few megabytes first; then 16 more queued events drop the subscriber.
            while (events.bus().listenerCount() > 0 && emitted < 100_000) {
                events.bus().emit("price.tick", payload);
                emitted++;
            }
            assertThat(events.bus().listenerCount()).as("the slow subscriber's subscription ended").isZero();

            slow.resume();
            Object last;
            do {
                last = slow.next(Duration.ofSeconds(10));
            } while (last instanceof RawSocket.Binary);
            assertThat(last).isEqualTo(new RawSocket.Closed(CloseCodes.SLOW_SUBSCRIBER, "Too slow reading events"));
            slow.close();
        }
    }

    private static void awaitZero(IntSupplier count, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (count.getAsInt() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(count.getAsInt()).as(what).isZero();
    }
}
