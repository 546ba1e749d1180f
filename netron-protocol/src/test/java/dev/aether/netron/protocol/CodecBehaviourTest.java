package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RemoteError;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.msgpack.JsRegExp;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.packet.IdSequence;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CodecBehaviourTest {

    static final NetronMsgpack CODEC = NetronMsgpack.standard();

    enum Role {
        ADMIN, USER;

        @JsonValue
        String wire() {
            return name().toLowerCase();
        }
    }

    record Address(String city, Optional<String> zip) {
    }

    record User(long id, String name, Role role, Instant createdAt, List<Address> addresses, Set<String> tags,
                Optional<String> nickname) {
    }

    @Test
    void userDataGoesThroughJacksonAndKeepsExtensionTypes() {
        User u = new User(42, "Alice", Role.ADMIN, Instant.ofEpochMilli(1_700_000_000_000L),
                List.of(new Address("Berlin", Optional.empty())), Set.of("a"), Optional.of("al"));
        byte[] bytes = CODEC.encode(u);
        Object tree = CODEC.decode(bytes);
        assertThat(tree).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked") Map<String, Object> m = (Map<String, Object>) tree;
        assertThat(m).containsEntry("role", "admin").containsEntry("nickname", "al").containsEntry("id", 42);
        assertThat(m.get("createdAt")).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L)); // ext 125, not a string
        assertThat(CODEC.decode(bytes, User.class)).isEqualTo(u);
    }

    @Test
    void numbersFollowJavaScriptRulesAndLongsStayExact() {
        assertThat(Vectors.hex(CODEC.encode(1.0))).isEqualTo("01");
        assertThat(Vectors.hex(CODEC.encode(-0.0))).isEqualTo("00");
        assertThat(Vectors.hex(CODEC.encode(4294967295.0))).isEqualTo("ceffffffff");
        assertThat(Vectors.hex(CODEC.encode(4294967296.0))).isEqualTo("cb41f0000000000000");
        assertThat(Vectors.hex(CODEC.encode(2147483648L))).isEqualTo("ce80000000");
        long big = (1L << 53) + 1;
        assertThat(CODEC.decode(CODEC.encode(big))).isEqualTo(big);           // int64 on the wire, lossless
        assertThat(CODEC.decode(CODEC.encode(Long.MIN_VALUE))).isEqualTo(Long.MIN_VALUE);
        BigInteger huge = BigInteger.TWO.pow(100);
        assertThat(CODEC.decode(CODEC.encode(huge))).isEqualTo(huge);         // ext 120
    }

    @Test
    void divergencesFromTheReferenceThatWeDoBetter() {
        // §9.8: pre-1970 dates (the reference throws) ...
        Instant moonLanding = Instant.parse("1969-07-20T20:17:40Z");
        assertThat(CODEC.decode(CODEC.encode(moonLanding))).isEqualTo(moonLanding);
        // ... and objects of 65,536+ keys as map32 (the reference truncates the count).
        Map<String, Object> wide = new LinkedHashMap<>();
        for (int i = 0; i < 70_000; i++) wide.put("k" + i, i);
        byte[] bytes = CODEC.encode(wide);
        assertThat(bytes[0] & 0xff).isEqualTo(0xdf);
        assertThat(CODEC.decode(bytes)).isEqualTo(wide);
    }

    @Test
    void stringsEncodeLikeTextEncoder() {
        assertThat(Vectors.hex(CODEC.encode("\ud800"))).isEqualTo("a3efbfbd");
        assertThat(Vectors.hex(CODEC.encode("a\ud83d\ude00"))).isEqualTo("a561f09f9880");
    }

    @Test
    void regExpsAndMapsChooseTheirForm() {
        assertThat(CODEC.decode(CODEC.encode(Pattern.compile("a+", Pattern.CASE_INSENSITIVE))))
                .isInstanceOfSatisfying(Pattern.class, p -> assertThat(p.flags()).isEqualTo(Pattern.CASE_INSENSITIVE));
        assertThat(CODEC.decode(CODEC.encode(new JsRegExp("a+", "g")))).isEqualTo(new JsRegExp("a+", "g"));
        Map<Integer, String> numberKeys = Map.of(1, "one");
        assertThat(CODEC.encode(numberKeys)[0] & 0xff).isEqualTo(0xc7); // ext 124, keys stay numbers
        assertThat(CODEC.decode(CODEC.encode(numberKeys))).isEqualTo(numberKeys);
    }

    @Test
    void javaExceptionsTravelAsPlainErrorsWithoutTheirStack() {
        Object back = CODEC.decode(CODEC.encode(new IllegalStateException("nope")));
        assertThat(back).isInstanceOfSatisfying(RemoteError.class, e -> {
            assertThat(e.name()).isEqualTo("IllegalStateException");
            assertThat(e.getMessage()).isEqualTo("nope");
            assertThat(e.remoteStack()).isNull();
        });
        NetronException withCause = new NetronException(500, "Failed to load user", Map.of(), new IOException("disk"));
        Object decoded = CODEC.decode(CODEC.encode(withCause));
        assertThat(decoded).isInstanceOfSatisfying(NetronException.class, e -> {
            assertThat(e.getCause()).isInstanceOf(RemoteError.class).hasMessage("disk");
            assertThat(((RemoteError) e.getCause()).name()).isEqualTo("IOException");
        });
    }

    @Test
    void badInputFailsWithOneDocumentedExceptionThatSaysWhy() {
        byte[] depthBomb = new byte[100_000];
        Arrays.fill(depthBomb, (byte) 0x91);
        assertDecode400(depthBomb, "Value nested deeper than 512 levels");
        // Lengths beyond an int: refused by msgpack-core's header check, before any allocation.
        assertDecode400(Vectors.unhex("ddffffffff00"), "Malformed MessagePack: MessageSizeException"); // array32 of 4 billion
        assertDecode400(Vectors.unhex("dbffffffff61"), "Malformed MessagePack: MessageSizeException"); // str32 of 4 GiB
        assertDecode400(Vectors.unhex("c9ffffffff7c00"), "Malformed MessagePack: MessageSizeException"); // ext32 of 4 GiB
        // Lengths that fit an int but not the bytes left: refused by our own check, before any allocation.
        assertDecode400(Vectors.unhex("dc0003"), "Incomplete buffer: array needs 3 bytes, 0 left");
        assertDecode400(Vectors.unhex("de0002a161"), "Incomplete buffer: map needs 4 bytes, 2 left");
        assertDecode400(Vectors.unhex("a5616263"), "Incomplete buffer: string needs 5 bytes, 3 left");
        assertDecode400(Vectors.unhex("c40561"), "Incomplete buffer: binary needs 5 bytes, 1 left");
        assertDecode400(Vectors.unhex("c70b7bffffffff"), "Incomplete buffer: extension needs 11 bytes, 4 left");
        assertDecode400(Vectors.unhex("c70a7cffffffff000000000000"), "Incomplete buffer: map needs 8589934590 bytes, 6 left");
        assertDecode400(Vectors.unhex("c7017b00"), "Incomplete buffer: set size needs 4 bytes, 1 left");
        assertDecode400(Vectors.unhex("d40500"), "Unable to find ext type 5");
        assertDecode400(Vectors.unhex("c1"), "Unknown MessagePack type: 0xc1");
        assertDecode400(new byte[0], "Incomplete buffer: no value");
        assertDecode400(Vectors.unhex("c0c0"), "Malformed MessagePack: 1 unconsumed trailing byte(s)");
    }

    private static void assertDecode400(byte[] bytes, String reason) {
        SerializationException e = catchThrowableOfType(SerializationException.class, () -> CODEC.decode(bytes));
        assertThat(e).as(Vectors.hex(Arrays.copyOf(bytes, Math.min(16, bytes.length)))).isNotNull();
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).as(Vectors.hex(Arrays.copyOf(bytes, Math.min(16, bytes.length)))).startsWith(reason);
    }

    @Test
    void oversizedPacketsAreRefusedBeforeDecoding() {
        byte[] frame = new byte[PacketCodec.MAX_PACKET_SIZE + 1]; // all zeros: would be a PING with data 0
        SerializationException e = catchThrowableOfType(SerializationException.class, () -> PacketCodec.standard().decode(frame));
        assertThat(e.code()).isEqualTo(413);
        assertThat(e.details()).containsEntry("received", (long) frame.length).containsEntry("max", (long) PacketCodec.MAX_PACKET_SIZE);
        byte[] exactlyMax = ByteBuffer.allocate(PacketCodec.MAX_PACKET_SIZE).putInt(1).put((byte) 0x43)
                .put((byte) 0xc6).putInt(PacketCodec.MAX_PACKET_SIZE - 10).array();
        assertThat(PacketCodec.standard().decode(exactlyMax).data()).isInstanceOf(byte[].class);
    }

    @Test
    void packetsRepliesAndIds() {
        Packet call = Packet.request(7, PacketType.CALL, List.of("users@1.0.0", "getUser", 42));
        assertThat(call.flags()).isEqualTo(0x43);
        assertThat(call.reply("x").flags()).isEqualTo(0x03);
        assertThat(call.replyError(new NetronException(404, "x")).flags()).isEqualTo(0x83);
        Packet chunk = Packet.streamChunk(8, 7, 6, null, true, true);
        assertThat(PacketCodec.standard().decode(PacketCodec.standard().encode(chunk))).isEqualTo(chunk);
        IdSequence ids = new IdSequence(Packet.MAX_UINT32 - 1);
        assertThat(ids.next()).isEqualTo(Packet.MAX_UINT32);
        assertThat(ids.next()).isEqualTo(1);
        assertThat(new IdSequence().next()).isEqualTo(1);
        assertThatThrownBy(() -> Packet.request(1L << 32, PacketType.CALL, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void streamReferenceRoundTrips() {
        StreamReference ref = new StreamReference(4294967295L, StreamReference.Kind.WRITABLE, true, "peer");
        assertThat(CODEC.decode(CODEC.encode(ref))).isEqualTo(ref);
    }

    @Test
    void harnessComparisonIsStrict() {
        assertThatThrownBy(() -> Same.check(1, 1L, true)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Same.check(Map.of("a", 1), Map.of("a", 2), true)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Same.check(List.of(1, 2), Set.of(1, 2), true)).isInstanceOf(AssertionError.class);
    }
}
