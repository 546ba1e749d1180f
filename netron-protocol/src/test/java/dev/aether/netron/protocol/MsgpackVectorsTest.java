package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry of msgpack.json: encodes to exactly the recorded bytes, decodes to the recorded value. */
class MsgpackVectorsTest {

    private static final NetronMsgpack CODEC = NetronMsgpack.standard();

    static Stream<Arguments> vectors() {
        return Vectors.entries("msgpack.json").stream().map(e -> Arguments.of(Named.of(e.get("name").asText(), e)));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void encodesToTheRecordedBytes(JsonNode entry) {
        byte[] expected = Vectors.bytes(entry);
        Object value;
        try {
            value = Tagged.toJava(entry.get("value"), Tagged.View.ENCODE);
        } catch (Tagged.Unrepresentable e) {
            // date_invalid: a JS Date(NaN) has no Java value; the reference writes it as epoch 0,
            // which is what it decodes to (the entry's `decoded`), so encode that instead.
            assertThat(entry.has("decoded")).as("only entries with `decoded` may be unrepresentable").isTrue();
            value = Tagged.toJava(entry.get("decoded"), Tagged.View.ENCODE);
        }
        assertThat(Vectors.hex(CODEC.encode(value))).isEqualTo(Vectors.hex(expected));
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void decodesToTheRecordedValue(JsonNode entry) {
        JsonNode expected = entry.has("decoded") ? entry.get("decoded") : entry.get("value");
        Object actual = CODEC.decode(Vectors.bytes(entry));
        Same.check(Tagged.toJava(expected, Tagged.View.DECODE), actual, true);
    }
}
