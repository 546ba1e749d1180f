package dev.aether.netron.protocol;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.aether.netron.protocol.msgpack.JsLong;
import dev.aether.netron.protocol.msgpack.JsMap;
import dev.aether.netron.protocol.msgpack.JsRegExp;
import dev.aether.netron.protocol.msgpack.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The README's tagged value notation turned into Java values. Two views: ENCODE builds what a
 * Java program passes to the encoder to get the recorded bytes (explicit JS forms where Java
 * has no natural type: Undefined, JsMap, JsRegExp, JsLong); DECODE builds what the decoder is
 * documented to return (natural Java types: undefined → null, Map, Long, ...).
 */
final class Tagged {

    enum View { ENCODE, DECODE }

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);
    private static final BigDecimal UINT_MAX = BigDecimal.valueOf(0xFFFF_FFFFL);

    private Tagged() {
    }

    static Object toJava(JsonNode n, View view) {
        if (n == null || n.isNull()) return null;
        if (n.isBoolean()) return n.booleanValue();
        if (!n.isObject() || n.size() != 1) throw new IllegalArgumentException("not a tagged value: " + n);
        String tag = n.fieldNames().next();
        JsonNode v = n.get(tag);
        return switch (tag) {
            case "$undefined" -> view == View.ENCODE ? Undefined.VALUE : null;
            case "$int", "$float" -> number(v);
            case "$str" -> v.asText();
            case "$strRepeat" -> v.get("unit").asText().repeat(v.get("count").asInt());
            case "$bin" -> Vectors.unhex(v.asText());
            case "$binRepeat" -> {
                byte[] unit = Vectors.unhex(v.get("unit").asText());
                int count = v.get("count").asInt();
                byte[] out = new byte[unit.length * count];
                for (int i = 0; i < count; i++) System.arraycopy(unit, 0, out, i * unit.length, unit.length);
                yield out;
            }
            case "$array" -> {
                List<Object> list = new ArrayList<>();
                v.forEach(e -> list.add(toJava(e, view)));
                yield list;
            }
            case "$arrayRepeat" -> new ArrayList<>(Collections.nCopies(v.get("count").asInt(), toJava(v.get("item"), view)));
            case "$object" -> object(v, view);
            case "$date" -> {
                if (v.isTextual()) throw new Unrepresentable("an invalid Date (NaN) has no Java Instant");
                yield Instant.ofEpochMilli(v.longValue());
            }
            case "$map" -> {
                Map<Object, Object> m = new LinkedHashMap<>();
                v.forEach(pair -> m.put(toJava(pair.get(0), view), toJava(pair.get(1), view)));
                yield view == View.ENCODE ? new JsMap(m) : m;
            }
            case "$set" -> {
                LinkedHashSet<Object> s = new LinkedHashSet<>();
                v.forEach(e -> s.add(toJava(e, view)));
                yield s;
            }
            case "$regexp" -> new JsRegExp(v.get("source").asText(), v.get("flags").asText());
            case "$bigint" -> new BigInteger(v.asText());
            case "$long" -> {
                BigInteger b = new BigInteger(v.get("value").asText());
                boolean unsigned = v.get("unsigned").asBoolean();
                if (view == View.ENCODE) yield new JsLong(b.longValue(), unsigned);
                yield b.bitLength() < 64 ? (Object) b.longValue() : b;
            }
            case "$error" -> new RemoteError(v.get("errorId").asInt(), (String) toJava(v.get("name"), View.DECODE),
                    (String) toJava(v.get("message"), View.DECODE), (String) toJava(v.get("stack"), View.DECODE),
                    object(v.get("fields").get("$object"), view));
            case "$titanError" -> titanError(v, view);
            case "$definition" -> definition(v, view);
            case "$reference" -> new Reference((String) toJava(v.get("defId"), view));
            case "$streamReference" -> new StreamReference(v.get("streamId").longValue(),
                    "writable".equals(v.get("type").asText()) ? StreamReference.Kind.WRITABLE : StreamReference.Kind.READABLE,
                    v.get("isLive").asBoolean(), (String) toJava(v.get("peerId"), view));
            default -> throw new IllegalArgumentException("unknown tag " + tag);
        };
    }

    /** A JS number: Integer in int32, Long in the rest of uint32, Double beyond — what the decoder yields. */
    private static Object number(JsonNode v) {
        if (v.isTextual()) {
            return switch (v.asText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                case "-0" -> -0.0d;
                default -> throw new IllegalArgumentException("bad number " + v);
            };
        }
        if (v.isIntegralNumber()) {
            BigDecimal d = new BigDecimal(v.bigIntegerValue());
            if (d.compareTo(INT_MIN) >= 0 && d.compareTo(INT_MAX) <= 0) return d.intValue();
            if (d.signum() > 0 && d.compareTo(UINT_MAX) <= 0) return d.longValue();
            return d.doubleValue();
        }
        double d = v.doubleValue();
        if (d == Math.rint(d) && !Double.isInfinite(d)) {
            if (d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE) return (int) d;
            if (d > 0 && d <= 0xFFFF_FFFFL) return (long) d;
        }
        return d;
    }

    private static Map<String, Object> object(JsonNode v, View view) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            m.put(e.getKey(), toJava(e.getValue(), view));
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static NetronException titanError(JsonNode v, View view) {
        Object cause = toJava(v.get("cause"), view);
        Throwable t = switch (cause) {
            case null -> null;
            case Throwable th -> th;
            case Map<?, ?> m -> new RemoteError(1, (String) m.get("name"), (String) m.get("message"),
                    m.get("stack") instanceof String s ? s : null, Map.of());
            default -> throw new IllegalArgumentException("bad cause " + cause);
        };
        return NetronException.fromData(new ErrorData(
                (String) toJava(v.get("name"), view),
                ((Number) toJava(v.get("code"), view)).intValue(),
                (String) toJava(v.get("message"), view),
                (Map<String, Object>) toJava(v.get("details"), view),
                (Map<String, Object>) toJava(v.get("context"), view),
                ((Number) toJava(v.get("timestamp"), view)).longValue(),
                str(v.get("requestId")), str(v.get("correlationId")), str(v.get("spanId")), str(v.get("traceId")),
                str(v.get("stack")), t,
                (Map<String, Object>) toJava(v.get("extras"), view)));
    }

    private static String str(JsonNode n) {
        return toJava(n, View.DECODE) instanceof String s ? s : null;
    }

    @SuppressWarnings("unchecked")
    private static Definition definition(JsonNode v, View view) {
        Map<String, Object> meta = (Map<String, Object>) toJava(v.get("meta"), view);
        Map<String, PropertyInfo> props = new LinkedHashMap<>();
        ((Map<String, Object>) meta.get("properties")).forEach((k, p) -> {
            Map<String, Object> pm = (Map<String, Object>) p;
            props.put(k, new PropertyInfo((String) pm.get("type"), Boolean.TRUE.equals(pm.get("readonly"))));
        });
        Map<String, MethodInfo> methods = new LinkedHashMap<>();
        ((Map<String, Object>) meta.get("methods")).forEach((k, m) -> {
            Map<String, Object> mm = (Map<String, Object>) m;
            List<ArgumentInfo> args = new ArrayList<>();
            for (Object a : (List<Object>) mm.get("arguments")) {
                Map<String, Object> am = (Map<String, Object>) a;
                args.add(new ArgumentInfo(((Number) am.get("index")).intValue(), (String) am.get("type")));
            }
            methods.put(k, new MethodInfo((String) mm.get("type"), args));
        });
        Map<String, Object> ext = new LinkedHashMap<>(meta);
        ext.keySet().removeAll(List.of("name", "version", "properties", "methods"));
        return new Definition((String) toJava(v.get("id"), view), (String) toJava(v.get("parentId"), view),
                (String) toJava(v.get("peerId"), view),
                new ServiceMetadata((String) meta.get("name"), (String) meta.get("version"), props, methods, ext));
    }

    /** A tagged value with no Java counterpart. */
    static final class Unrepresentable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unrepresentable(String why) {
            super(why);
        }
    }
}
