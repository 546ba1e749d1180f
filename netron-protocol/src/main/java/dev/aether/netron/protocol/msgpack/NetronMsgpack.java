package dev.aether.netron.protocol.msgpack;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.netron.protocol.error.SerializationException;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The Netron MessagePack codec: one Java value to bytes and back, byte-compatible with the
 * TypeScript reference.
 *
 * <pre>{@code
 * NetronMsgpack codec = NetronMsgpack.standard();
 * byte[] bytes = codec.encode(List.of("users@1.0.0", "getUser", 42));
 * Object value = codec.decode(bytes);                 // [users@1.0.0, getUser, 42]
 * User user = codec.convert(decodedArg, User.class);  // typed, through Jackson
 * }</pre>
 *
 * <h2>Mapping</h2>
 * <table>
 *   <caption>Wire value ↔ Java</caption>
 *   <tr><th>Wire</th><th>decodes to</th><th>encoded from</th></tr>
 *   <tr><td>nil / undefined (ext 0)</td><td>null</td><td>null / {@link Undefined#VALUE}</td></tr>
 *   <tr><td>integer</td><td>Integer, Long or BigInteger (smallest that fits)</td><td>int, long, short, byte</td></tr>
 *   <tr><td>float32 / float64</td><td>Double</td><td>double, float, BigDecimal (JS number rules)</td></tr>
 *   <tr><td>str / bin</td><td>String / byte[]</td><td>String, char / byte[], ByteBuffer</td></tr>
 *   <tr><td>array / map</td><td>List / {@code Map<String,Object>} (LinkedHashMap)</td><td>Collection, arrays / Map with String or enum keys</td></tr>
 *   <tr><td>ext 125 Date</td><td>Instant</td><td>Instant, java.util.Date</td></tr>
 *   <tr><td>ext 124 Map</td><td>{@code Map<Object,Object>}</td><td>Map with other keys, {@link JsMap}</td></tr>
 *   <tr><td>ext 123 Set</td><td>Set (LinkedHashSet)</td><td>Set</td></tr>
 *   <tr><td>ext 121 RegExp</td><td>Pattern, or {@link JsRegExp}</td><td>Pattern, JsRegExp</td></tr>
 *   <tr><td>ext 120 BigInt</td><td>BigInteger</td><td>BigInteger</td></tr>
 *   <tr><td>ext 119 Long</td><td>Long (BigInteger above Long.MAX_VALUE)</td><td>{@link JsLong}</td></tr>
 *   <tr><td>ext 126 Error</td><td>{@code RemoteError}</td><td>any Throwable that is not a NetronException</td></tr>
 *   <tr><td>ext 110 TitanError</td><td>{@code NetronException} subclass</td><td>NetronException</td></tr>
 *   <tr><td>ext 109/108/107</td><td>Definition / Reference / StreamReference</td><td>the same</td></tr>
 * </table>
 * Anything else (records, POJOs, enums, Optional, JsonNode) goes through Jackson with the same
 * annotations and rules as JSON.
 *
 * <p>Numbers follow JavaScript: a double that is an integer in int32/uint32 range is written as
 * an integer, -0.0 as 0, other doubles as float64. A Java {@code long} outside 32 bits is written
 * as int64/uint64 (exact for Java peers; a TypeScript peer reads a number, exact up to 2^53).
 *
 * <p>Better than the reference (netron-wire.md §9.8): maps with 65,536 or more keys are written as
 * map32 and map32 is accepted; pre-1970 dates are written as ext 125 with a signed 64-bit value.
 *
 * <p>Decoding never throws anything but {@link SerializationException} (code 400) for bad input;
 * nesting is limited to {@value #MAX_DEPTH} levels. Instances are immutable and thread-safe.
 */
public final class NetronMsgpack {

    /** The deepest nesting of arrays, maps and extensions accepted or written. */
    public static final int MAX_DEPTH = 512;

    private static final NetronMsgpack STANDARD = new NetronMsgpack(WireMapper.defaultBase());

    private final WireMapper mapper;

    private NetronMsgpack(ObjectMapper base) {
        this.mapper = new WireMapper(base);
    }

    /** The codec with a default Jackson configuration. */
    public static NetronMsgpack standard() {
        return STANDARD;
    }

    /**
     * A codec whose user-data mapping starts from your {@code ObjectMapper} (modules, naming
     * strategy, ...); the mapper is copied, never modified.
     */
    public static NetronMsgpack using(ObjectMapper mapper) {
        return new NetronMsgpack(Objects.requireNonNull(mapper, "mapper"));
    }

    /** Encodes one value. Throws {@link SerializationException} (500) for a value it cannot write. */
    public byte[] encode(Object value) {
        return ValueWriter.encode(mapper, value);
    }

    /** Decodes exactly one value filling all of {@code bytes}. */
    public Object decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    /** Decodes exactly one value filling {@code bytes[offset, offset+length)}; trailing bytes are an error. */
    public Object decode(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return ValueReader.decode(bytes, offset, length);
    }

    /** Decodes and converts to a Java type through Jackson. */
    public <T> T decode(byte[] bytes, Class<T> type) {
        return convert(decode(bytes), type);
    }

    /** Converts a decoded value (or any value) to a Java type through Jackson; 400 if it does not fit. */
    @SuppressWarnings("unchecked")
    public <T> T convert(Object value, Class<T> type) {
        return (T) mapper.convert(value, type);
    }

    /** Converts to a generic type, e.g. a method parameter's {@code getGenericParameterTypes()[i]}. */
    public Object convert(Object value, Type type) {
        return mapper.convert(value, type);
    }
}
