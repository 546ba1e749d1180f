package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry of packets.json: encodes to exactly the recorded frame, decodes to the recorded packet. */
class PacketVectorsTest {

    static Stream<Arguments> vectors() {
        return Vectors.entries("packets.json").stream().map(e -> Arguments.of(Named.of(e.get("name").asText(), e)));
    }

    static Packet packet(JsonNode p, Tagged.View view) {
        return new Packet(p.get("id").asLong(), PacketType.of(p.get("type").asInt()),
                p.get("impulse").asInt() == 1, p.get("error").asInt() == 1,
                p.path("eos").asInt() == 1, p.path("live").asInt() == 1,
                Tagged.toJava(p.get("data"), view),
                p.path("streamId").asLong(0), p.path("streamIndex").asLong(0));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesToTheRecordedBytes(JsonNode entry) {
        Packet packet = packet(entry.get("packet"), Tagged.View.ENCODE);
        assertThat(packet.flags()).isEqualTo(entry.get("packet").get("flags").asInt());
        assertThat(Vectors.hex(PacketCodec.standard().encode(packet))).isEqualTo(entry.get("hex").asText());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesToTheRecordedPacket(JsonNode entry) {
        Packet actual = PacketCodec.standard().decode(Vectors.bytes(entry));
        assertPacket(entry.get("packet"), actual, true);
    }

    static void assertPacket(JsonNode expected, Packet actual, boolean strictNumbers) {
        Packet e = packet(expected, Tagged.View.DECODE);
        assertThat(actual.id()).isEqualTo(e.id());
        assertThat(actual.flags()).isEqualTo(expected.get("flags").asInt());
        assertThat(actual.type()).isEqualTo(e.type());
        assertThat(actual.streamId()).isEqualTo(e.streamId());
        assertThat(actual.streamIndex()).isEqualTo(e.streamIndex());
        Same.check(e.data(), actual.data(), strictNumbers);
    }
}
