package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.handshake.Handshake;
import dev.aether.netron.protocol.packet.PacketCodec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** handshake.json: the messages encode to the recorded bytes; the live-capture frames decode. */
class HandshakeVectorsTest {

    static Stream<Arguments> messages() {
        return Vectors.entries("handshake.json", "messages").stream()
                .map(e -> Arguments.of(Named.of(e.get("name").asText(), e)));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void messageRoundTrips(JsonNode entry) {
        byte[] bytes = Vectors.unhex(entry.get("example").get("hex").asText());
        assertThat(Handshake.looksLikeHandshake(bytes)).isTrue();
        Handshake h = Handshake.parse(bytes);
        assertThat(h).isInstanceOf(entry.get("name").asText().equals("server_id") ? Handshake.ServerId.class
                : Handshake.ClientId.class);
        assertThat(Vectors.hex(h.toBytes())).isEqualTo(entry.get("example").get("hex").asText());
        assertThat(h.toJson()).isEqualTo(entry.get("example").get("text").asText());
    }

    @Test
    void liveCaptureFramesDecode() {
        JsonNode capture = Vectors.read("handshake.json").get("liveCapture");
        int frames = 0;
        for (JsonNode run : capture) {
            for (JsonNode frame : run.path("frames")) {
                byte[] bytes = Vectors.unhex(frame.get("hex").asText());
                if (frame.has("packet")) {
                    assertThat(Handshake.looksLikeHandshake(bytes)).isFalse();
                    PacketVectorsTest.assertPacket(frame.get("packet"), PacketCodec.standard().decode(bytes), true);
                    assertThat(Vectors.hex(PacketCodec.standard().encode(
                            PacketVectorsTest.packet(frame.get("packet"), Tagged.View.ENCODE)))).isEqualTo(frame.get("hex").asText());
                } else {
                    Handshake h = Handshake.parse(bytes);
                    assertThat(Vectors.hex(h.toBytes())).isEqualTo(frame.get("hex").asText());
                }
                frames++;
            }
        }
        assertThat(frames).isGreaterThan(0);
    }
}
