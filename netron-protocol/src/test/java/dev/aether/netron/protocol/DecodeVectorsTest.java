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

    /** Why each packet vector is refused: the reason is part of the contract, not just the code. */
    static final Map<String, String> PACKET_REASONS = Map.of(
            "type_8", "Invalid packet type: 0x8. Expected 0x00-0x07",
            "trailing_byte", "Failed to decode packet data: Malformed MessagePack: 1 unconsumed trailing byte(s)",
            "stream_missing_trailer", "Malformed packet: STREAM packet without its 8-byte streamId/streamIndex trailer",
            "too_short", "Malformed packet: 4 bytes, at least 6 needed");

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
            // Our reason starts with titan's words and may say more (what was incomplete, by how much).
            assertThat(t.getMessage()).as(name).startsWith(titan.get("error").asText());
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
            assertThat(t.getMessage()).as(name).isEqualTo(PACKET_REASONS.get(name));
        } else {
            PacketVectorsTest.assertPacket(titan.get("packet"), PacketCodec.standard().decode(bytes), false);
        }
    }
}
