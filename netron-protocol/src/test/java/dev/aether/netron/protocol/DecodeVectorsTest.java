package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.packet.PacketCodec;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * decode.json: input the reference encoder never produces. We match the titan decoder, except
 * where a documented divergence says otherwise. Numbers compare as JS numbers here because the
 * Java decoder is lossless where titan rounds 64-bit integers to doubles.
 */
class DecodeVectorsTest {

    /** Entries where we deliberately differ from titan, and why. */
    static final Map<String, String> DIVERGENCES = Map.of(
            "map32", "netron-wire.md §9.8: Java accepts map32 (titan throws)",
            "type_8", "unknown packet types are rejected with SerializationException 400, as netron-browser does "
                    + "(titan decodes type 8 and fails later)");

    static Stream<Arguments> values() {
        return Vectors.entries("decode.json", "values").stream().map(e -> Arguments.of(Named.of(e.get("name").asText(), e)));
    }

    static Stream<Arguments> packets() {
        return Vectors.entries("decode.json", "packets").stream().map(e -> Arguments.of(Named.of(e.get("name").asText(), e)));
    }

    @ParameterizedTest
    @MethodSource("values")
    void valueDecodesLikeTitan(JsonNode entry) {
        String name = entry.get("name").asText();
        byte[] bytes = Vectors.unhex(entry.get("hex").asText());
        JsonNode titan = entry.get("titan");
        if (name.equals("map32")) {
            assertThat(titan.has("error")).isTrue();
            Same.check(Map.of("a", 1), NetronMsgpack.standard().decode(bytes), true);
            return;
        }
        if (titan.has("error")) {
            Throwable t = catchThrowable(() -> NetronMsgpack.standard().decode(bytes));
            assertThat(t).as(name).isInstanceOf(SerializationException.class);
            assertThat(((SerializationException) t).code()).isEqualTo(400);
        } else {
            Object actual = NetronMsgpack.standard().decode(bytes);
            Same.check(Tagged.toJava(titan.get("value"), Tagged.View.DECODE), actual, false);
        }
    }

    @ParameterizedTest
    @MethodSource("packets")
    void packetDecodesLikeTitan(JsonNode entry) {
        String name = entry.get("name").asText();
        byte[] bytes = Vectors.unhex(entry.get("hex").asText());
        JsonNode titan = entry.get("titan");
        boolean expectError = titan.has("error") || name.equals("type_8");
        if (expectError) {
            Throwable t = catchThrowable(() -> PacketCodec.standard().decode(bytes));
            assertThat(t).as(name).isInstanceOf(SerializationException.class);
            assertThat(((SerializationException) t).code()).isEqualTo(400);
            if (name.equals("type_8")) assertThat(t).hasMessageContaining("Invalid packet type: 0x8");
            if (name.equals("trailing_byte")) assertThat(t).hasMessageContaining("1 unconsumed trailing byte(s)");
        } else {
            PacketVectorsTest.assertPacket(titan.get("packet"), PacketCodec.standard().decode(bytes), false);
        }
    }
}
