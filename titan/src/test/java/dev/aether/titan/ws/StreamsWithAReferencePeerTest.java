package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.netron.protocol.stream.StreamLimits;
import dev.aether.netron.protocol.stream.StreamPackets;
import dev.aether.titan.stream.TickerService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streams with a peer that does not negotiate credits, as a TypeScript netron-browser client:
 * raw packets exactly as the reference sends them, and the server's bounds on what it buffers.
 */
class StreamsWithAReferencePeerTest {
    private final TickerService service = new TickerService();
    private WsHarness harness;
    private RawSocket raw;

    private RawSocket connect(StreamLimits limits) {
        harness = new WsHarness(WebSocketOptions.defaults(), limits, service);
        raw = RawSocket.connect(harness.uri()).handshake("ts-client");
        return raw;
    }

    @AfterEach
    void stop() throws Exception {
        if (raw != null) raw.close();
        if (harness != null) harness.close();
    }

    private static Packet call(long id, String method, Object... args) {
        List<Object> data = new ArrayList<>(List.of("ticker@1.0.0", method));
        data.addAll(List.of(args));
        return Packet.request(id, PacketType.CALL, data);
    }

    private static Map<String, Object> tick(long seq) {
        return Map.of("seq", seq, "symbol", "ACME");
    }

    @Test
    void aStreamResultIsAStreamReferenceThenChunksFromIndexZeroThenEos() {
        RawSocket socket = connect(StreamLimits.defaults());
        Packet reply = socket.request(call(1, "counted", 3));
        assertThat(reply.data()).isInstanceOf(StreamReference.class);
        StreamReference ref = (StreamReference) reply.data();
        assertThat(ref.kind()).isEqualTo(StreamReference.Kind.WRITABLE);
        assertThat(ref.live()).isFalse();
        assertThat(ref.peerId()).isEqualTo("harness");
        for (int i = 0; i < 3; i++) {
            Packet chunk = socket.nextPacket();
            assertThat(chunk.type()).isEqualTo(PacketType.STREAM);
            assertThat(chunk.impulse()).isTrue();
            assertThat(chunk.streamId()).isEqualTo(ref.streamId());
            assertThat(chunk.streamIndex()).isEqualTo(i);
            assertThat(chunk.eos()).isFalse();
            assertThat(((Map<?, ?>) chunk.data()).get("seq")).isEqualTo(i);
        }
        Packet end = socket.nextPacket();
        assertThat(end.eos()).isTrue();
        assertThat(end.streamIndex()).isEqualTo(3);
        assertThat(end.data()).isNull();
    }

    @Test
    void chunksArrivingOutOfOrderAreReassembledAndAGapBeforeEosIsWaitedFor() {
        RawSocket socket = connect(StreamLimits.defaults());
        socket.send(call(1, "sum", new StreamReference(5, StreamReference.Kind.WRITABLE, false, "ts-client")));
        socket.send(StreamPackets.chunk(2, 5, 2, tick(20), false));
        socket.send(StreamPackets.end(3, 5, 3, false));      // EOS before chunks 0 and 1
        socket.send(StreamPackets.chunk(4, 5, 0, tick(1), false));
        socket.send(StreamPackets.chunk(5, 5, 1, tick(300), false));
        Packet reply = socket.nextPacket();
        assertThat(reply.id()).isEqualTo(1);
        assertThat(reply.error()).isFalse();
        assertThat(((Number) reply.data()).longValue()).isEqualTo(321);
    }

    @Test
    void aConsumerThatFallsBehindFailsTheStreamWithAStreamErrorInsteadOfBufferingWithoutBound() {
        RawSocket socket = connect(StreamLimits.defaults().withCredits(4).withMaxBufferedChunks(10));
        assertThat(socket.request(call(1, "ignore", new StreamReference(5, StreamReference.Kind.WRITABLE, true, "ts-client"))).data())
                .isEqualTo(true);
        for (int i = 0; i < 11; i++) {
            socket.send(StreamPackets.chunk(10 + i, 5, i, tick(i), true));
        }
        Packet error = socket.nextPacket();
        assertThat(error.type()).isEqualTo(PacketType.STREAM_ERROR);
        assertThat(StreamPackets.streamIdOf(error)).isEqualTo(5);
        assertThat(StreamPackets.textOf(error)).contains("more than 10 chunks waiting for the consumer");
        assertThat(harness.handler.openStreams()).isZero();
    }

    @Test
    void aNonLiveStreamThatStopsSendingTimesOutWith410() {
        RawSocket socket = connect(StreamLimits.defaults().withInactivityTimeout(Duration.ofMillis(300)));
        socket.send(call(1, "sum", new StreamReference(5, StreamReference.Kind.WRITABLE, false, "ts-client")));
        socket.send(StreamPackets.chunk(2, 5, 0, tick(1), false));
        List<Packet> got = List.of(socket.nextPacket(), socket.nextPacket());
        Packet close = got.stream().filter(p -> p.type() == PacketType.STREAM_CLOSE).findFirst().orElseThrow();
        Packet reply = got.stream().filter(p -> p.type() == PacketType.CALL).findFirst().orElseThrow();
        assertThat(StreamPackets.textOf(close)).contains("timed out after 300 ms");
        assertThat(reply.error()).isTrue();
        assertThat(((NetronException) reply.data()).code()).isEqualTo(410);
    }

    @Test
    void aPeerOpeningMoreStreamsThanTheLimitGetsStreamLimitReached() {
        RawSocket socket = connect(StreamLimits.defaults().withMaxStreams(2));
        for (int id = 1; id <= 2; id++) {
            assertThat(socket.request(call(id, "ignore", new StreamReference(id, StreamReference.Kind.WRITABLE, true, "ts-client"))).data())
                    .isEqualTo(true);
        }
        socket.send(call(3, "ignore", new StreamReference(3, StreamReference.Kind.WRITABLE, true, "ts-client")));
        Packet close = socket.nextPacket();
        assertThat(close.type()).isEqualTo(PacketType.STREAM_CLOSE);
        assertThat(StreamPackets.textOf(close)).isEqualTo(StreamPackets.STREAM_LIMIT_REACHED);
        Packet reply = socket.nextPacket();
        assertThat(reply.error()).isTrue();
        assertThat(((NetronException) reply.data()).code()).isEqualTo(429);
    }

    @Test
    void everythingAPeerHeldIsFreedWhenItDisconnects() throws Exception {
        RawSocket socket = connect(StreamLimits.defaults());
        socket.request(call(1, "ignore", new StreamReference(1, StreamReference.Kind.WRITABLE, true, "ts-client")));
        socket.send(call(2, "endless"));
        assertThat(socket.nextPacket().data()).isInstanceOf(StreamReference.class);
        assertThat(harness.handler.openStreams()).isEqualTo(2);
        socket.close();
        assertThat(service.endlessClosed.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (harness.handler.openStreams() != 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(harness.handler.openStreams()).isZero();
    }
}
