package dev.aether.netron.protocol.msgpack;

import dev.aether.netron.protocol.definition.ArgumentInfo;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.definition.MethodInfo;
import dev.aether.netron.protocol.definition.PropertyInfo;
import dev.aether.netron.protocol.definition.Reference;
import dev.aether.netron.protocol.definition.ServiceMetadata;
import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.ErrorData;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RemoteError;
import dev.aether.netron.protocol.error.SerializationException;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.msgpack.core.ExtensionTypeHeader;
import org.msgpack.core.MessageFormat;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessagePackException;
import org.msgpack.core.MessageUnpacker;

/**
 * Reads Netron MessagePack into natural Java values. Every length and count is checked against
 * the bytes actually left before anything is allocated, and nesting is bounded, so hostile input
 * fails fast with a {@link SerializationException} instead of exhausting memory or the stack.
 */
final class ValueReader {

    /** BigInt strings longer than this are refused: parsing is superlinear, a cheap way to burn CPU. */
    static final int MAX_BIGINT_DIGITS = 10_000;

    private final MessageUnpacker in;
    private final long length;
    private final int baseDepth;

    private ValueReader(byte[] bytes, int offset, int length, int baseDepth) {
        this.in = MessagePack.newDefaultUnpacker(bytes, offset, length);
        this.length = length;
        this.baseDepth = baseDepth;
    }

    /** Decodes exactly one value spanning the whole range; trailing bytes are an error. */
    static Object decode(byte[] bytes, int offset, int length) {
        ValueReader r = new ValueReader(bytes, offset, length, 0);
        try {
            if (length == 0) throw SerializationException.decode("Incomplete buffer: no value");
            Object v = r.read(0);
            long rest = r.remaining();
            if (rest != 0) throw SerializationException.decode("Malformed MessagePack: " + rest + " unconsumed trailing byte(s)");
            return v;
        } catch (SerializationException e) {
            throw e;
        } catch (MessagePackException | IOException e) {
            // msgpack-core reports truncation, 0xc1 and oversized headers with its own types; one type out.
            throw SerializationException.decode("Malformed MessagePack: " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private long remaining() {
        return length - in.getTotalReadBytes();
    }

    private void need(long n, String what) {
        if (n < 0 || n > remaining()) {
            throw SerializationException.decode("Incomplete buffer: " + what + " needs " + n + " bytes, "
                    + remaining() + " left");
        }
    }

    Object read(int depth) throws IOException {
        if (baseDepth + depth > NetronMsgpack.MAX_DEPTH) {
            throw SerializationException.decode("Value nested deeper than " + NetronMsgpack.MAX_DEPTH + " levels");
        }
        if (remaining() <= 0) throw SerializationException.decode("Incomplete buffer");
        MessageFormat f = in.getNextFormat();
        switch (f) {
            case NEVER_USED -> throw SerializationException.decode("Unknown MessagePack type: 0xc1");
            case NIL -> {
                in.unpackNil();
                return null;
            }
            case BOOLEAN -> {
                return in.unpackBoolean();
            }
            case UINT64 -> {
                return narrow(in.unpackBigInteger());
            }
            case POSFIXINT, NEGFIXINT, UINT8, UINT16, UINT32, INT8, INT16, INT32, INT64 -> {
                return narrow(in.unpackLong());
            }
            case FLOAT32, FLOAT64 -> {
                return in.unpackDouble(); // float32 widened, as the reference does
            }
            case FIXSTR, STR8, STR16, STR32 -> {
                int n = in.unpackRawStringHeader();
                need(n, "string");
                // Invalid UTF-8 becomes U+FFFD, as JavaScript's TextDecoder does.
                return new String(in.readPayload(n), StandardCharsets.UTF_8);
            }
            case BIN8, BIN16, BIN32 -> {
                int n = in.unpackBinaryHeader();
                need(n, "binary");
                return in.readPayload(n);
            }
            case FIXARRAY, ARRAY16, ARRAY32 -> {
                int n = in.unpackArrayHeader();
                need(n, "array"); // every element takes at least one byte
                List<Object> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) list.add(read(depth + 1));
                return list;
            }
            case FIXMAP, MAP16, MAP32 -> {
                // map32 is accepted (the reference throws): netron-wire.md §9.8.
                int n = in.unpackMapHeader();
                need(2L * n, "map");
                Map<String, Object> map = new LinkedHashMap<>(Math.max(4, n * 2));
                for (int i = 0; i < n; i++) {
                    String key = propertyName(read(depth + 1));
                    map.put(key, read(depth + 1));
                }
                return map;
            }
            case FIXEXT1, FIXEXT2, FIXEXT4, FIXEXT8, FIXEXT16, EXT8, EXT16, EXT32 -> {
                ExtensionTypeHeader h = in.unpackExtensionTypeHeader();
                need(h.getLength(), "extension");
                byte[] payload = in.readPayload(h.getLength());
                return extension(h.getType(), payload, depth);
            }
            default -> throw SerializationException.decode("Unknown MessagePack format " + f);
        }
    }

    private static Object narrow(long v) {
        return v == (int) v ? (Object) (int) v : (Object) v;
    }

    private static Object narrow(BigInteger v) {
        return v.bitLength() < 64 ? narrow(v.longValue()) : v;
    }

    /** A plain map key becomes a JavaScript property name, as in the reference ({@code 1 → "1"}). */
    private static String propertyName(Object key) {
        return switch (key) {
            case String s -> s;
            case null -> "null";
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case BigInteger b -> b.toString();
            case Boolean b -> b.toString();
            case Double d -> d == Math.rint(d) && Math.abs(d) < 1e21 ? Long.toString(d.longValue()) : d.toString();
            default -> throw SerializationException.decode("Map key must be a string or a number, got "
                    + key.getClass().getSimpleName());
        };
    }

    private Object extension(byte type, byte[] payload, int depth) throws IOException {
        ValueReader r = new ValueReader(payload, 0, payload.length, baseDepth + depth + 1);
        Object value = switch (type) {
            case Ext.UNDEFINED -> {
                if (payload.length != 1 || payload[0] != 0) throw SerializationException.decode("Unable to find ext type 0");
                r.in.readPayload(1);
                yield null;
            }
            case Ext.DATE -> r.date();
            case Ext.MAP -> r.jsMap();
            case Ext.SET -> r.jsSet();
            case Ext.REGEXP -> r.regExp();
            case Ext.BIGINT -> r.bigInt();
            case Ext.LONG -> r.jsLong();
            case Ext.ERROR -> r.plainError();
            case Ext.TITAN_ERROR -> r.titanError();
            case Ext.DEFINITION -> r.definition();
            case Ext.REFERENCE -> new Reference(r.string("defId"));
            case Ext.STREAM_REFERENCE -> r.streamReference();
            default -> throw SerializationException.decode("Unable to find ext type " + type);
        };
        if (r.remaining() != 0) {
            throw SerializationException.decode("Malformed ext " + type + ": " + r.remaining() + " unconsumed byte(s)");
        }
        return value;
    }

    private Object next() throws IOException {
        return read(0);
    }

    private byte[] fixed(int n, String what) throws IOException {
        need(n, what);
        return in.readPayload(n);
    }

    private long uint32(String what) throws IOException {
        return ByteBuffer.wrap(fixed(4, what)).getInt() & 0xFFFF_FFFFL;
    }

    private int uint16(String what) throws IOException {
        return ByteBuffer.wrap(fixed(2, what)).getShort() & 0xFFFF;
    }

    private String string(String what) throws IOException {
        Object v = next();
        if (v == null || v instanceof String) return (String) v;
        throw SerializationException.decode("Expected a string for " + what + ", got " + v.getClass().getSimpleName());
    }

    private Instant date() throws IOException {
        // Signed: pre-1970 dates are our extension (netron-wire.md §9.8); the reference only writes >= 0.
        long ms = ByteBuffer.wrap(fixed(8, "date")).getLong();
        try {
            return Instant.ofEpochMilli(ms);
        } catch (DateTimeException e) {
            throw SerializationException.decode("Date out of range: " + ms);
        }
    }

    private Map<Object, Object> jsMap() throws IOException {
        long n = uint32("map size");
        need(2 * n, "map");
        Map<Object, Object> map = new LinkedHashMap<>();
        for (long i = 0; i < n; i++) {
            Object k = next();
            map.put(k, next());
        }
        return map;
    }

    private Set<Object> jsSet() throws IOException {
        long n = uint32("set size");
        need(n, "set");
        Set<Object> set = new LinkedHashSet<>();
        for (long i = 0; i < n; i++) set.add(next());
        return set;
    }

    private Object regExp() throws IOException {
        String source = string("RegExp source");
        String flags = string("RegExp flags");
        if (source == null || flags == null) throw SerializationException.decode("RegExp without source or flags");
        JsRegExp js = new JsRegExp(source, flags);
        Pattern p = js.canonicalFlags() ? js.toPattern() : null;
        return p != null ? p : js;
    }

    private BigInteger bigInt() throws IOException {
        String s = string("BigInt");
        if (s == null || s.isEmpty() || s.length() > MAX_BIGINT_DIGITS) {
            throw SerializationException.decode("Invalid BigInt");
        }
        try {
            return new BigInteger(s);
        } catch (NumberFormatException e) {
            throw SerializationException.decode("Invalid BigInt: " + s);
        }
    }

    private Object jsLong() throws IOException {
        byte[] b = fixed(9, "Long");
        long bits = ByteBuffer.wrap(b, 1, 8).getLong();
        boolean unsigned = b[0] != 0;
        return unsigned && bits < 0 ? new JsLong(bits, true).toBigInteger() : (Object) bits;
    }

    private RemoteError plainError() throws IOException {
        int id = uint16("error id");
        String name = text(next());
        String stack = text(next());
        String message = text(next());
        int count = uint16("error field count");
        need(2L * count, "error fields");
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = propertyName(next());
            fields.put(key, next());
        }
        return new RemoteError(id, name, message, stack, fields);
    }

    private static String text(Object v) {
        return v == null ? null : v instanceof String s ? s : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object v, String what) {
        if (v == null) return null;
        if (v instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw SerializationException.decode("Expected a map for " + what);
    }

    private NetronException titanError() throws IOException {
        String name = text(next());
        Object code = next();
        String message = text(next());
        Map<String, Object> details = object(next(), "details");
        Map<String, Object> context = object(next(), "context");
        Object timestamp = next();
        String requestId = text(next());
        String correlationId = text(next());
        String spanId = text(next());
        String traceId = text(next());
        String stack = text(next());
        Throwable cause = cause(next());
        Map<String, Object> extras = object(next(), "extras");
        return NetronException.fromData(new ErrorData(name,
                code instanceof Number n ? n.intValue() : NetronException.UNKNOWN_ERROR,
                message, details, context,
                timestamp instanceof Number t ? t.longValue() : 0L,
                requestId, correlationId, spanId, traceId, stack, cause, extras));
    }

    private static Throwable cause(Object v) {
        return switch (v) {
            case null -> null;
            case Throwable t -> t;
            case Map<?, ?> m when m.containsKey("__errorType") ->
                    new RemoteError(1, text(m.get("name")), text(m.get("message")), text(m.get("stack")), Map.of());
            default -> throw SerializationException.decode("Unexpected TitanError cause: " + v.getClass().getSimpleName());
        };
    }

    private Definition definition() throws IOException {
        String id = text(next());
        String parentId = text(next());
        String peerId = text(next());
        Map<String, Object> meta = object(next(), "definition meta");
        if (meta == null) throw SerializationException.decode("Definition without meta");
        return new Definition(id, parentId, peerId, metadata(meta));
    }

    private static ServiceMetadata metadata(Map<String, Object> meta) {
        Map<String, PropertyInfo> props = new LinkedHashMap<>();
        Map<String, Object> rawProps = object(meta.get("properties"), "properties");
        if (rawProps != null) {
            for (Map.Entry<String, Object> e : rawProps.entrySet()) {
                Map<String, Object> p = object(e.getValue(), "property " + e.getKey());
                props.put(e.getKey(), new PropertyInfo(p == null ? null : text(p.get("type")),
                        p != null && Boolean.TRUE.equals(p.get("readonly"))));
            }
        }
        Map<String, MethodInfo> methods = new LinkedHashMap<>();
        Map<String, Object> rawMethods = object(meta.get("methods"), "methods");
        if (rawMethods != null) {
            for (Map.Entry<String, Object> e : rawMethods.entrySet()) {
                Map<String, Object> m = object(e.getValue(), "method " + e.getKey());
                List<ArgumentInfo> args = new ArrayList<>();
                if (m != null && m.get("arguments") instanceof List<?> list) {
                    for (Object a : list) {
                        Map<String, Object> am = object(a, "argument");
                        if (am == null) continue;
                        args.add(new ArgumentInfo(am.get("index") instanceof Number n ? n.intValue() : args.size(),
                                text(am.get("type"))));
                    }
                }
                methods.put(e.getKey(), new MethodInfo(m == null ? null : text(m.get("type")), args));
            }
        }
        Map<String, Object> extensions = new LinkedHashMap<>(meta);
        extensions.keySet().removeAll(List.of("name", "version", "properties", "methods"));
        return new ServiceMetadata(text(meta.get("name")), text(meta.get("version")), props, methods, extensions);
    }

    private StreamReference streamReference() throws IOException {
        String id = string("streamId");
        long streamId;
        try {
            streamId = Long.parseLong(id == null ? "" : id);
        } catch (NumberFormatException e) {
            throw SerializationException.decode("Invalid streamId: " + id);
        }
        if (streamId < 0) throw SerializationException.decode("Invalid streamId: " + id);
        byte[] b = fixed(2, "stream type");
        String peerId = text(next());
        return new StreamReference(streamId, b[0] == 1 ? StreamReference.Kind.WRITABLE : StreamReference.Kind.READABLE,
                b[1] != 0, peerId);
    }
}
