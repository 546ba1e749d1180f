package dev.aether.titan.call;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.stream.InboundStream;
import dev.aether.titan.service.MethodModel;
import dev.aether.titan.service.ServiceModel;
import java.lang.invoke.MethodType;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Flow;

/**
 * The one conversion of call arguments to parameter types, whatever the transport: JSON trees
 * from HTTP, MessagePack values from the WebSocket, Java objects in process. It is strict, so a
 * value means the same thing on every transport: no {@code null} into a primitive, no string
 * into a number, no fraction silently cut to an integer. Each refusal is a 400 naming the
 * parameter.
 *
 * <pre>{@code
 * ArgumentConversion conversion = new ArgumentConversion();
 * Object[] args = conversion.convert(model, method, Arguments.wire(List.of(1, 2)));
 * }</pre>
 */
final class ArgumentConversion {
    private final NetronMsgpack codec = NetronMsgpack.using(strictMapper());

    /**
     * The Jackson configuration arguments are converted with: nulls fail for primitives, scalars
     * are not coerced ({@code "1"} is not a number, {@code 1} not a string), floats are not
     * accepted as integers.
     */
    static ObjectMapper strictMapper() {
        return JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    /** The arguments converted to {@code m}'s parameter types; 400 for a wrong count or a value that does not fit. */
    Object[] convert(ServiceModel model, MethodModel m, Arguments args) {
        List<?> values = args.values();
        Class<?>[] raw = m.method().getParameterTypes();
        if (values.size() != raw.length) {
            throw new ValidationException(400, "Method '" + m.name() + "' of " + model.id() + " takes " + raw.length
                    + " argument" + (raw.length == 1 ? "" : "s") + ", got " + values.size(),
                    Map.of("expected", raw.length, "received", values.size()));
        }
        Parameter[] parameters = m.method().getParameters();
        Object[] converted = new Object[raw.length];
        for (int i = 0; i < raw.length; i++) {
            Object value = values.get(i);
            if (isNull(value)) {
                if (raw[i].isPrimitive()) {
                    throw invalid(m, parameters[i], i, "must not be null", null);
                }
            } else if (args.javaObjects() && box(raw[i]).isInstance(value)) {
                converted[i] = value;
            } else if (value instanceof InboundStream stream) {
                converted[i] = streamArgument(stream, m, parameters[i], i);
            } else {
                converted[i] = convertOne(value, m.parameters()[i], m, parameters[i], i);
            }
        }
        return converted;
    }

    /**
     * A stream the client sends (a StreamReference on the wire) for a {@code Flow.Publisher<T>}
     * parameter: each item is converted to {@code T} as it arrives. Any other parameter type is 400.
     */
    private Object streamArgument(InboundStream stream, MethodModel m, Parameter parameter, int index) {
        Type type = parameter.getParameterizedType();
        if (parameter.getType() != Flow.Publisher.class) {
            stream.cancelIfUnread();
            throw invalid(m, parameter, index, "a stream can only be passed as a Flow.Publisher", type.getTypeName());
        }
        Type item = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
        if (item instanceof WildcardType w) {
            item = w.getUpperBounds()[0];
        }
        Type itemType = item;
        stream.convertWith(value -> codec.convert(wholeNumberAsInteger(value, itemType), itemType));
        return stream;
    }

    /** A property value converted to its field's type; 400 when it does not fit. */
    Object convertProperty(Object value, Type type, String property) {
        try {
            return codec.convert(value, type);
        } catch (RuntimeException e) {
            throw new ValidationException(400, "Invalid property '" + property + "': expected " + type.getTypeName(),
                    Map.of("property", property, "expected", type.getTypeName()));
        }
    }

    private Object convertOne(Object value, Type type, MethodModel m, Parameter parameter, int index) {
        try {
            return codec.convert(wholeNumberAsInteger(value, type), type);
        } catch (RuntimeException e) {
            throw invalid(m, parameter, index, "expected " + type.getTypeName(), type.getTypeName());
        }
    }

    /**
     * A whole float ({@code 3.0}) for an integer parameter is the integer: some encoders write every
     * number as a float. A fraction stays a float, which the strict mapper refuses.
     */
    private static Object wholeNumberAsInteger(Object value, Type type) {
        if (!INTEGRAL.contains(type)) {
            return value;
        }
        double number;
        if (value instanceof Double || value instanceof Float) {
            number = ((Number) value).doubleValue();
        } else if (value instanceof JsonNode node && node.isFloatingPointNumber()) {
            number = node.doubleValue();
        } else {
            return value;
        }
        return number == Math.rint(number) && Math.abs(number) < 0x1p53 ? (Object) (long) number : value;
    }

    private static final Set<Type> INTEGRAL = Set.of(int.class, long.class, short.class, byte.class,
            Integer.class, Long.class, Short.class, Byte.class);

    /** A JSON {@code null} arrives as a tree node, a MessagePack nil as Java null: both are null. */
    static boolean isNull(Object value) {
        return value == null || (value instanceof JsonNode node && (node.isNull() || node.isMissingNode()));
    }

    private static ValidationException invalid(MethodModel m, Parameter parameter, int index, String problem, String expected) {
        String name = parameter.isNamePresent() ? parameter.getName() : "arg" + index;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("argument", index);
        details.put("parameter", name);
        if (expected != null) {
            details.put("expected", expected);
        }
        return new ValidationException(400, "Invalid argument " + index + " of '" + m.signature() + "' ('" + name + "'): " + problem,
                details);
    }

    static Class<?> box(Class<?> type) {
        return type.isPrimitive() ? MethodType.methodType(type).wrap().returnType() : type;
    }
}
