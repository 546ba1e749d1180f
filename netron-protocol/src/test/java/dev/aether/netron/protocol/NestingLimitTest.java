package dev.aether.netron.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Nesting is bounded at {@link NetronMsgpack#MAX_DEPTH} containers around a value, for every kind
 * of container, when reading and when writing: a leaf inside 512 containers passes, inside 513
 * it is refused. Reader and writer count alike, so what one accepts the other does too.
 */
class NestingLimitTest {

    static final NetronMsgpack CODEC = NetronMsgpack.standard();
    static final int LIMIT = NetronMsgpack.MAX_DEPTH;
    static final byte LEAF = 0x01;

    @Test
    void theLimitIs512Containers() {
        assertThat(LIMIT).isEqualTo(512);
    }

    @Test
    void readerAcceptsALeafInside512ArraysAndRefuses513() {
        UnaryOperator<byte[]> array = inner -> concat(new byte[] {(byte) 0x91}, inner);
        assertThat(CODEC.decode(nest(LIMIT, array))).isInstanceOf(List.class);
        assertTooDeepToRead(nest(LIMIT + 1, array));
    }

    @Test
    void readerAcceptsALeafInside512MapsAndRefuses513() {
        UnaryOperator<byte[]> map = inner -> concat(new byte[] {(byte) 0x81, (byte) 0xa1, 'a'}, inner);
        assertThat(CODEC.decode(nest(LIMIT, map))).isInstanceOf(Map.class);
        assertTooDeepToRead(nest(LIMIT + 1, map));
    }

    @Test
    void readerAcceptsALeafInside512SetExtensionsAndRefuses513() {
        UnaryOperator<byte[]> set = inner -> ext(0x7b, concat(uint32(1), inner)); // ext 123: Set
        assertThat(CODEC.decode(nest(LIMIT, set))).isInstanceOf(Set.class);
        assertTooDeepToRead(nest(LIMIT + 1, set));
    }

    @Test
    void readerAcceptsALeafInside512MapExtensionsAndRefuses513() {
        // ext 124 (JS Map) with one entry: key 0, value the next level.
        UnaryOperator<byte[]> jsMap = inner -> ext(0x7c, concat(uint32(1), new byte[] {0x00}, inner));
        assertThat(CODEC.decode(nest(LIMIT, jsMap))).isInstanceOf(Map.class);
        assertTooDeepToRead(nest(LIMIT + 1, jsMap));
    }

    @Test
    void readerCountsContainersInsideAnExtensionOnTopOfTheExtensionsOwnDepth() {
        UnaryOperator<byte[]> array = inner -> concat(new byte[] {(byte) 0x91}, inner);
        UnaryOperator<byte[]> set = inner -> ext(0x7b, concat(uint32(1), inner));
        assertThat(CODEC.decode(set.apply(nest(LIMIT - 1, array)))).isInstanceOf(Set.class);
        assertTooDeepToRead(set.apply(nest(LIMIT, array)));
        // And an extension deep inside arrays starts from where it is.
        assertThat(CODEC.decode(nest(LIMIT - 1, array, set.apply(new byte[] {LEAF})))).isInstanceOf(List.class);
        assertTooDeepToRead(nest(LIMIT, array, set.apply(new byte[] {LEAF})));
    }

    @Test
    void writerWritesALeafInside512ListsAndRefuses513() {
        Object atLimit = nestValue(LIMIT, List::of);
        assertThat(CODEC.decode(CODEC.encode(atLimit))).isEqualTo(atLimit);
        assertTooDeepToWrite(nestValue(LIMIT + 1, List::of));
    }

    @Test
    void writerWritesALeafInside512MapsAndRefuses513() {
        Object atLimit = nestValue(LIMIT, v -> Map.of("a", v));
        assertThat(CODEC.decode(CODEC.encode(atLimit))).isEqualTo(atLimit);
        assertTooDeepToWrite(nestValue(LIMIT + 1, v -> Map.of("a", v)));
    }

    @Test
    void writerWritesALeafInside512SetsAndRefuses513() {
        Object atLimit = nestValue(LIMIT, Set::of);
        assertThat(CODEC.decode(CODEC.encode(atLimit))).isEqualTo(atLimit);
        assertTooDeepToWrite(nestValue(LIMIT + 1, Set::of));
    }

    @Test
    void writerRefusesAListThatContainsItself() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        assertTooDeepToWrite(cycle);
    }

    @Test
    void writerRefusesAMapThatContainsItself() {
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("self", cycle);
        assertTooDeepToWrite(cycle);
    }

    @Test
    void writerCountsAnErrorsCauseAsTheReaderDoes() {
        // A TitanError (ext 110) whose plain cause is a map {__errorType, name, message, stack}:
        // the cause's fields sit two levels inside the error, on both sides.
        NetronException error = new NetronException(500, "x", Map.of(), new IllegalStateException("cause"));
        Object atLimit = nestValue(LIMIT - 2, v -> List.of(v), error);
        Object decoded = CODEC.decode(CODEC.encode(atLimit));
        assertThat(innermost(decoded, LIMIT - 2)).isInstanceOf(NetronException.class);
        assertTooDeepToWrite(nestValue(LIMIT - 1, v -> List.of(v), error));
    }

    private static Object innermost(Object value, int levels) {
        Object v = value;
        for (int i = 0; i < levels; i++) v = ((List<?>) v).get(0);
        return v;
    }

    private static void assertTooDeepToRead(byte[] bytes) {
        SerializationException e = catchThrowableOfType(SerializationException.class, () -> CODEC.decode(bytes));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Value nested deeper than 512 levels");
    }

    private static void assertTooDeepToWrite(Object value) {
        SerializationException e = catchThrowableOfType(SerializationException.class, () -> CODEC.encode(value));
        assertThat(e).isNotNull();
        assertThat(e.code()).isEqualTo(500);
        assertThat(e.getMessage()).isEqualTo("Value nested deeper than 512 levels (a cycle?)");
    }

    private static byte[] nest(int levels, UnaryOperator<byte[]> container) {
        return nest(levels, container, new byte[] {LEAF});
    }

    private static byte[] nest(int levels, UnaryOperator<byte[]> container, byte[] leaf) {
        byte[] bytes = leaf;
        for (int i = 0; i < levels; i++) bytes = container.apply(bytes);
        return bytes;
    }

    private static Object nestValue(int levels, UnaryOperator<Object> container) {
        return nestValue(levels, container, 1);
    }

    private static Object nestValue(int levels, UnaryOperator<Object> container, Object leaf) {
        Object value = leaf;
        for (int i = 0; i < levels; i++) value = container.apply(value);
        return value;
    }

    /** ext32 header (0xc9, length, type) and payload. */
    private static byte[] ext(int type, byte[] payload) {
        return concat(new byte[] {(byte) 0xc9}, uint32(payload.length), new byte[] {(byte) type}, payload);
    }

    private static byte[] uint32(int n) {
        return ByteBuffer.allocate(4).putInt(n).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
