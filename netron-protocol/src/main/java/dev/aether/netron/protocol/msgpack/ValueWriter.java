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
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * Writes one Java value as Netron MessagePack. Numbers follow the reference's JavaScript rules
 * so the bytes match a TypeScript peer's: integers in int32/uint32 range take the smallest
 * integer form, every other double is float64, -0 is written as 0.
 */
final class ValueWriter {

    private static final byte[] REPLACEMENT_UTF8 = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};

    private final MessageBufferPacker out = MessagePack.newDefaultBufferPacker();
    private final WireMapper mapper;
    private int depth;

    private ValueWriter(WireMapper mapper, int depth) {
        this.mapper = mapper;
        this.depth = depth;
    }

    static byte[] encode(WireMapper mapper, Object value) {
        ValueWriter w = new ValueWriter(mapper, 0);
        try {
            w.write(value);
        } catch (IOException e) {
            throw new SerializationException(500, "Failed to encode value: " + e.getMessage(), e);
        }
        return w.out.toByteArray();
    }

    void write(Object v) throws IOException {
        // `depth` counts the arrays, maps and extensions around v, as the reader counts them, so
        // what the reader accepts can be written again and the reverse.
        if (depth > NetronMsgpack.MAX_DEPTH) {
            throw SerializationException.encode("Value nested deeper than " + NetronMsgpack.MAX_DEPTH + " levels (a cycle?)");
        }
        depth++;
        try {
            writeValue(v);
        } finally {
            depth--;
        }
    }

    private void writeValue(Object v) throws IOException {
        switch (v) {
            case null -> out.packNil();
            case Undefined u -> ext(Ext.UNDEFINED, new byte[] {0});
            case Boolean b -> out.packBoolean(b);
            case Integer i -> out.packInt(i);
            case Long l -> out.packLong(l);
            case Short s -> out.packInt(s);
            case Byte b -> out.packInt(b);
            case BigInteger b -> writeBigInt(b);
            case BigDecimal d -> writeNumber(d.doubleValue());
            case Number n -> writeNumber(n.doubleValue());
            case String s -> writeString(s);
            case Character c -> writeString(c.toString());
            case byte[] b -> {
                out.packBinaryHeader(b.length);
                out.writePayload(b);
            }
            case ByteBuffer bb -> {
                byte[] b = new byte[bb.remaining()];
                bb.duplicate().get(b);
                writeValue(b);
            }
            case Instant t -> writeDate(t.toEpochMilli());
            case java.util.Date d -> writeDate(d.getTime());
            case Pattern p -> writeRegExp(JsRegExp.of(p));
            case JsRegExp r -> writeRegExp(r);
            case JsLong l -> writeLong(l);
            case JsMap m -> writeJsMap(m.entries());
            case Map<?, ?> m -> {
                if (hasOnlyStringKeys(m)) writeObject(m);
                else writeJsMap(m);
            }
            case Set<?> s -> writeSet(s);
            case Collection<?> c -> {
                out.packArrayHeader(c.size());
                for (Object e : c) write(e);
            }
            case Object[] a -> {
                out.packArrayHeader(a.length);
                for (Object e : a) write(e);
            }
            case Optional<?> o -> writeValue(o.orElse(null));
            case NetronException e -> writeTitanError(e);
            case Throwable t -> writePlainError(t);
            case Definition d -> writeDefinition(d);
            case Reference r -> ext(Ext.REFERENCE, nested(w -> w.write(r.defId())));
            case StreamReference r -> writeStreamReference(r);
            default -> {
                if (v.getClass().isArray()) { // primitive arrays other than byte[]
                    int n = Array.getLength(v);
                    out.packArrayHeader(n);
                    for (int i = 0; i < n; i++) write(Array.get(v, i));
                } else {
                    // Records, POJOs, enums, JsonNode: through Jackson, the same mapping as JSON.
                    Object tree = mapper.toTree(v);
                    if (tree != null && tree.getClass() == v.getClass()) {
                        throw SerializationException.encode("Cannot encode " + v.getClass().getName());
                    }
                    writeValue(tree);
                }
            }
        }
    }

    private static boolean hasOnlyStringKeys(Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!(k instanceof String) && !(k instanceof Enum<?>)) return false;
        }
        return true;
    }

    /** A JavaScript number: what {@code @msgpack}'s encoder in the reference picks. */
    void writeNumber(double d) throws IOException {
        if (d == Math.rint(d) && !Double.isInfinite(d)) {
            if (d >= 0 && d <= 4294967295.0) { // also -0.0, written as 0 like the reference
                out.packLong((long) d);
                return;
            }
            if (d < 0 && d >= -2147483648.0) {
                out.packLong((long) d);
                return;
            }
        }
        out.packDouble(d);
    }

    void writeString(String s) throws IOException {
        byte[] b = utf8(s);
        out.packRawStringHeader(b.length);
        out.writePayload(b);
    }

    /** UTF-8 the way JavaScript's TextEncoder does it: a lone surrogate becomes U+FFFD, not '?'. */
    static byte[] utf8(String s) {
        boolean surrogates = false;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                surrogates = true;
                break;
            }
        }
        if (!surrogates) return s.getBytes(StandardCharsets.UTF_8);
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(REPLACEMENT_UTF8);
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(s));
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            return b;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException(e); // cannot happen with REPLACE
        }
    }

    private void writeObject(Map<?, ?> m) throws IOException {
        out.packMapHeader(m.size()); // map32 above 65535 entries: netron-wire.md §9.8
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object k = e.getKey();
            writeString(k instanceof Enum<?> en ? en.name() : (String) k);
            write(e.getValue());
        }
    }

    private void writeJsMap(Map<?, ?> m) throws IOException {
        ext(Ext.MAP, nested(w -> {
            w.uint32(m.size());
            for (Map.Entry<?, ?> e : m.entrySet()) {
                w.write(e.getKey());
                w.write(e.getValue());
            }
        }));
    }

    private void writeSet(Set<?> s) throws IOException {
        ext(Ext.SET, nested(w -> {
            w.uint32(s.size());
            for (Object e : s) w.write(e);
        }));
    }

    /** ext 125; negative (pre-1970) millis as two's complement: our extension, netron-wire.md §9.8. */
    private void writeDate(long millis) throws IOException {
        byte[] b = new byte[8];
        ByteBuffer.wrap(b).putLong(millis);
        ext(Ext.DATE, b);
    }

    private void writeRegExp(JsRegExp r) throws IOException {
        ext(Ext.REGEXP, nested(w -> {
            w.writeString(r.source());
            w.writeString(r.flags());
        }));
    }

    private void writeBigInt(BigInteger b) throws IOException {
        ext(Ext.BIGINT, nested(w -> w.writeString(b.toString())));
    }

    private void writeLong(JsLong l) throws IOException {
        byte[] b = new byte[9];
        b[0] = (byte) (l.unsigned() ? 1 : 0);
        ByteBuffer.wrap(b, 1, 8).putLong(l.bits());
        ext(Ext.LONG, b);
    }

    private void writePlainError(Throwable t) throws IOException {
        RemoteError r = t instanceof RemoteError re ? re
                : new RemoteError(1, t.getClass().getSimpleName(), String.valueOf(t.getMessage() == null ? "" : t.getMessage()), null, Map.of());
        if (r.fields().size() > 0xFFFF) throw SerializationException.encode("Error has more than 65535 fields");
        ext(Ext.ERROR, nested(w -> {
            w.uint16(r.errorId());
            w.write(r.name());
            w.write(r.remoteStack() == null ? Undefined.VALUE : r.remoteStack());
            w.write(r.getMessage());
            w.uint16(r.fields().size());
            for (Map.Entry<String, Object> e : r.fields().entrySet()) {
                w.writeString(e.getKey());
                w.write(e.getValue());
            }
        }));
    }

    private void writeTitanError(NetronException e) throws IOException {
        ErrorData d = e.toData();
        ext(Ext.TITAN_ERROR, nested(w -> {
            w.write(d.name());
            w.writeNumber(d.code());
            w.write(d.message());
            w.write(d.details());
            w.write(d.context());
            w.writeNumber(d.timestamp()); // a JS number: float64 for real timestamps, as the reference sends
            w.write(orUndefined(d.requestId()));
            w.write(orUndefined(d.correlationId()));
            w.write(orUndefined(d.spanId()));
            w.write(orUndefined(d.traceId()));
            w.write(d.stack());
            w.writeCause(d.cause());
            w.write(d.extras());
        }));
    }

    private void writeCause(Throwable cause) throws IOException {
        switch (cause) {
            case null -> out.packNil();
            case NetronException n -> write(n);
            default -> {
                // The reference's form for a plain Error cause; the stack stays home (stack traces off).
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("__errorType", "Error");
                boolean remote = cause instanceof RemoteError;
                m.put("name", remote ? ((RemoteError) cause).name() : cause.getClass().getSimpleName());
                m.put("message", cause.getMessage() == null ? "" : cause.getMessage());
                String stack = remote ? ((RemoteError) cause).remoteStack() : null;
                m.put("stack", stack == null ? Undefined.VALUE : stack);
                write(m); // a map: one level deeper, as the reader will count it
            }
        }
    }

    private static Object orUndefined(Object v) {
        return v == null ? Undefined.VALUE : v;
    }

    private void writeDefinition(Definition d) throws IOException {
        ext(Ext.DEFINITION, nested(w -> {
            w.write(d.id());
            w.write(d.parentId());
            w.write(d.peerId());
            w.write(metaMap(d.meta()));
        }));
    }

    private static Map<String, Object> metaMap(ServiceMetadata meta) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", meta.name());
        m.put("version", meta.version());
        Map<String, Object> props = new LinkedHashMap<>();
        for (Map.Entry<String, PropertyInfo> e : meta.properties().entrySet()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("type", e.getValue().type());
            p.put("readonly", e.getValue().readonly());
            props.put(e.getKey(), p);
        }
        m.put("properties", props);
        Map<String, Object> methods = new LinkedHashMap<>();
        for (Map.Entry<String, MethodInfo> e : meta.methods().entrySet()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("type", e.getValue().type());
            List<Map<String, Object>> args = new java.util.ArrayList<>();
            for (ArgumentInfo a : e.getValue().arguments()) {
                Map<String, Object> am = new LinkedHashMap<>();
                am.put("index", a.index());
                am.put("type", a.type());
                args.add(am);
            }
            mm.put("arguments", args);
            methods.put(e.getKey(), mm);
        }
        m.put("methods", methods);
        m.putAll(meta.extensions());
        return m;
    }

    private void writeStreamReference(StreamReference r) throws IOException {
        ext(Ext.STREAM_REFERENCE, nested(w -> {
            w.writeString(Long.toString(r.streamId()));
            w.out.writePayload(new byte[] {
                    (byte) (r.kind() == StreamReference.Kind.WRITABLE ? 1 : 0),
                    (byte) (r.live() ? 1 : 0)});
            w.write(r.peerId());
        }));
    }

    private void uint32(long n) throws IOException {
        byte[] b = new byte[4];
        ByteBuffer.wrap(b).putInt((int) n);
        out.writePayload(b);
    }

    private void uint16(int n) throws IOException {
        out.writePayload(new byte[] {(byte) (n >>> 8), (byte) n});
    }

    private void ext(byte type, byte[] payload) throws IOException {
        out.packExtensionTypeHeader(type, payload.length); // fixext for 1,2,4,8,16 bytes, like the reference
        out.writePayload(payload);
    }

    private interface Body {
        void write(ValueWriter w) throws IOException;
    }

    /** An extension payload: complete MessagePack values back to back, no array header. */
    private byte[] nested(Body body) throws IOException {
        ValueWriter w = new ValueWriter(mapper, depth);
        body.write(w);
        return w.out.toByteArray();
    }
}
