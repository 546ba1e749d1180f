package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.RemoteError;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.handshake.Handshake;
import dev.aether.netron.protocol.msgpack.JsLong;
import dev.aether.netron.protocol.msgpack.JsRegExp;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.packet.IdSequence;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Values at the edges of what the codec writes and reads, one rule each. */
class CodecEdgesTest {

    private static final NetronMsgpack CODEC = NetronMsgpack.standard();

    private static String decodeFailure(String hex) {
        SerializationException e = catchThrowableOfType(SerializationException.class, () -> CODEC.decode(Vectors.unhex(hex)));
        assertThat(e).as(hex).isNotNull();
        assertThat(e.code()).isEqualTo(400);
        return e.getMessage();
    }

    @Test
    void theSmallestInt32IsAnIntegerAndOneBelowIsAFloat64() {
        assertThat(Vectors.hex(CODEC.encode(-2147483648.0))).isEqualTo("d280000000");
        assertThat(Vectors.hex(CODEC.encode(-2147483649.0))).isEqualTo("cbc1e0000000200000");
    }

    @Test
    void javaTypesWithoutAWireTypeOfTheirOwnAreWrittenAsTheirNearestValue() {
        assertThat(CODEC.decode(CODEC.encode(new BigDecimal("2.5")))).isEqualTo(2.5);
        assertThat(CODEC.decode(CODEC.encode((short) -3))).isEqualTo(-3);
        assertThat(CODEC.decode(CODEC.encode((byte) 7))).isEqualTo(7);
        assertThat(CODEC.decode(CODEC.encode(1.5f))).isEqualTo(1.5);
        assertThat(CODEC.decode(CODEC.encode('x'))).isEqualTo("x");
        assertThat((byte[]) CODEC.decode(CODEC.encode(ByteBuffer.wrap(new byte[] {1, 2, 3}, 1, 2)))).containsExactly(2, 3);
        assertThat(CODEC.decode(CODEC.encode(new Date(1_000L)))).isEqualTo(Instant.ofEpochMilli(1_000L));
        assertThat(CODEC.decode(CODEC.encode(new Object[] {"a", 1}))).isEqualTo(List.of("a", 1));
        assertThat(CODEC.decode(CODEC.encode(new int[] {4, 5}))).isEqualTo(List.of(4, 5));
        assertThat(CODEC.decode(CODEC.encode(Optional.of("o")))).isEqualTo("o");
        assertThat(CODEC.decode(CODEC.encode(Optional.empty()))).isNull();
    }

    @Test
    void numericMapKeysBecomeJavaScriptPropertyNames() {
        // {1.0: "a"}, {1.5: "b"}, {-2.0: "c"} with float64 keys
        assertThat(CODEC.decode(Vectors.unhex("81cb3ff0000000000000a161"))).isEqualTo(Map.of("1", "a"));
        assertThat(CODEC.decode(Vectors.unhex("81cb3ff8000000000000a162"))).isEqualTo(Map.of("1.5", "b"));
        assertThat(CODEC.decode(Vectors.unhex("81cbc000000000000000a163"))).isEqualTo(Map.of("-2", "c"));
        assertThat(CODEC.decode(Vectors.unhex("81c0c3"))).isEqualTo(Map.of("null", true));
    }

    @Test
    void aBigIntOfTenThousandDigitsIsReadAndOneMoreIsRefused() {
        BigInteger tenThousandDigits = BigInteger.TEN.pow(9_999);
        assertThat(CODEC.decode(CODEC.encode(tenThousandDigits))).isEqualTo(tenThousandDigits);
        BigInteger tooLong = BigInteger.TEN.pow(10_000);
        assertThatThrownBy(() -> CODEC.decode(CODEC.encode(tooLong))).isInstanceOf(SerializationException.class)
                .hasMessage("Invalid BigInt");
    }

    @Test
    void anUnsignedLongOfZeroIsZero() {
        assertThat(CODEC.decode(CODEC.encode(new JsLong(0, true)))).isEqualTo(0L);
        assertThat(new JsLong(0, true).toBigInteger()).isEqualTo(BigInteger.ZERO);
        assertThat(new JsLong(-1, true).toBigInteger()).isEqualTo(BigInteger.TWO.pow(64).subtract(BigInteger.ONE));
    }

    @Test
    void aSetThatClaimsMoreElementsThanItsBytesIsRefusedBeforeReading() {
        assertThat(decodeFailure("c7057b0000000501")).isEqualTo("Incomplete buffer: set needs 5 bytes, 1 left");
    }

    @Test
    void anErrorThatClaimsMoreFieldsThanItsBytesIsRefusedBeforeReading() {
        // ext 126: id 1, name "E", stack nil, message "m", 4 fields, none there
        assertThat(decodeFailure("c7097e0001a145c0a16d0004")).isEqualTo("Incomplete buffer: error fields needs 8 bytes, 0 left");
    }

    @Test
    void aMapWhoseLastValueIsMissingIsIncomplete() {
        assertThat(decodeFailure("81a161")).isEqualTo("Incomplete buffer");
    }

    @Test
    void lengthsBeyondAnIntAreRefusedByTheHeaderCheck() {
        assertThat(decodeFailure("ddffffffff00")).isEqualTo("Malformed MessagePack: MessageSizeException");
    }

    @Test
    void aMapKeyCountsTowardsTheNestingLimit() {
        StringBuilder hex = new StringBuilder("81");
        hex.append("91".repeat(NetronMsgpack.MAX_DEPTH)).append("01").append("01");
        assertThat(decodeFailure(hex.toString())).isEqualTo("Value nested deeper than 512 levels");
    }

    @Test
    void aRegExpWhoseSourceIsNotAStringIsRefused() {
        // ext 121 with source 1 and flags ""
        assertThat(decodeFailure("d57901a0")).isEqualTo("Expected a string for RegExp source, got Integer");
    }

    @Test
    void regExpFlagsOutOfOrderOrRepeatedStayJavaScriptRegExps() {
        assertThat(CODEC.decode(CODEC.encode(new JsRegExp("a", "mi")))).isEqualTo(new JsRegExp("a", "mi"));
        assertThat(CODEC.decode(CODEC.encode(new JsRegExp("a", "ii")))).isEqualTo(new JsRegExp("a", "ii"));
        assertThat(CODEC.decode(CODEC.encode(new JsRegExp("a", "im")))).isInstanceOf(Pattern.class);
    }

    @Test
    void aRegExpWithoutFlagsIsAPattern() {
        assertThat(new JsRegExp("a+", "").toPattern()).isNotNull();
        assertThat(new JsRegExp("a+", "ims").toPattern().flags())
                .isEqualTo(Pattern.CASE_INSENSITIVE | Pattern.MULTILINE | Pattern.DOTALL);
        assertThat(new JsRegExp("a+", "g").toPattern()).isNull();
    }

    @Test
    void aStreamReferenceMayBeStreamZero() {
        StreamReference first = new StreamReference(0, StreamReference.Kind.READABLE, false, "p");
        assertThat(CODEC.decode(CODEC.encode(first))).isEqualTo(first);
        assertThatThrownBy(() -> new StreamReference(-1, StreamReference.Kind.READABLE, false, "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anErrorWithMoreThan255FieldsKeepsThemAll() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) fields.put("f" + i, i);
        RemoteError sent = new RemoteError(1, "Error", "many", null, fields);
        assertThat(((RemoteError) CODEC.decode(CODEC.encode(sent))).fields()).isEqualTo(fields);
    }

    @Test
    void anErrorMayHave65535FieldsButNotMore() {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < 0xFFFF; i++) fields.put("f" + i, 0);
        assertThatCode(() -> CODEC.encode(new RemoteError(1, "Error", "m", null, fields))).doesNotThrowAnyException();
        fields.put("one-more", 0);
        SerializationException e = catchThrowableOfType(SerializationException.class,
                () -> CODEC.encode(new RemoteError(1, "Error", "m", null, fields)));
        assertThat(e.code()).isEqualTo(500);
        assertThat(e).hasMessage("Error has more than 65535 fields");
    }

    @Test
    void streamIdsAndIndexesMustBeUint32() {
        assertThatThrownBy(() -> Packet.streamChunk(1, Packet.MAX_UINT32 + 1, 0, null, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streamId");
        assertThatThrownBy(() -> Packet.streamChunk(1, 0, Packet.MAX_UINT32 + 1, null, false, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("streamIndex");
        assertThatCode(() -> Packet.streamChunk(Packet.MAX_UINT32, Packet.MAX_UINT32, Packet.MAX_UINT32, null, true, false))
                .doesNotThrowAnyException();
    }

    @Test
    void aPacketLimitMustLeaveRoomForAHeaderAndOneByte() {
        assertThatThrownBy(() -> new PacketCodec(CODEC, 5)).isInstanceOf(IllegalArgumentException.class);
        PacketCodec tiny = new PacketCodec(CODEC, 6);
        assertThat(tiny.decode(tiny.encode(Packet.request(1, PacketType.PING, null))).id()).isEqualTo(1);
    }

    @Test
    void anIdSequenceStartsAfterAnyUint32() {
        assertThat(new IdSequence(0).next()).isEqualTo(1);
        assertThat(new IdSequence(Packet.MAX_UINT32).next()).isEqualTo(1);
        assertThatThrownBy(() -> new IdSequence(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IdSequence(Packet.MAX_UINT32 + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void definitionArgumentsKeepTheirIndexes() {
        var method = new dev.aether.netron.protocol.definition.MethodInfo("Number",
                List.of(new dev.aether.netron.protocol.definition.ArgumentInfo(5, "String")));
        var definition = new dev.aether.netron.protocol.definition.Definition("d-1", "", "p",
                new dev.aether.netron.protocol.definition.ServiceMetadata("s", "1.0.0", Map.of(), Map.of("m", method)));
        var back = (dev.aether.netron.protocol.definition.Definition) CODEC.decode(CODEC.encode(definition));
        assertThat(back.meta().methods().get("m").arguments()).containsExactly(
                new dev.aether.netron.protocol.definition.ArgumentInfo(5, "String"));
    }

    @Test
    void anEmptyFrameIsNoHandshake() {
        assertThat(Handshake.looksLikeHandshake(new byte[0])).isFalse();
    }

    @Test
    void aCodecCanStartFromYourObjectMapper() {
        NetronMsgpack own = NetronMsgpack.using(new com.fasterxml.jackson.databind.ObjectMapper());
        assertThat(own.decode(own.encode(List.of(1)))).isEqualTo(List.of(1));
        assertThat(own.convert(List.of(1, 2), (java.lang.reflect.Type) int[].class)).isEqualTo(new int[] {1, 2});
    }
}
