package dev.aether.netron.protocol.msgpack;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.definition.Reference;
import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.SerializationException;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Jackson for user data on the MessagePack path. Objects are turned into a tree of maps, lists
 * and scalars with Jackson's own rules (so records, POJOs, enums, Optional and annotations map
 * exactly as in JSON), while values that have a Netron extension type (Instant, Pattern,
 * definitions, errors, ...) are kept as embedded objects so they still travel as extensions.
 */
final class WireMapper {

    private final ObjectMapper mapper;

    WireMapper(ObjectMapper base) {
        SimpleModule embed = new SimpleModule("netron-embedded");
        for (Class<?> c : new Class<?>[] {Instant.class, java.util.Date.class, Pattern.class, Undefined.class,
                JsMap.class, JsRegExp.class, JsLong.class, Definition.class, Reference.class,
                StreamReference.class, Throwable.class}) {
            embed.addSerializer(new Embedded(c));
        }
        this.mapper = base.copy()
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .registerModule(embed) // last, so it wins over JavaTimeModule for Instant
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    static ObjectMapper defaultBase() {
        return new ObjectMapper();
    }

    Object toTree(Object value) {
        try {
            TokenBuffer buf = new TokenBuffer(mapper, false);
            mapper.writeValue(buf, value);
            try (JsonParser p = buf.asParser(mapper)) {
                return mapper.readValue(p, Object.class);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException(500, "Cannot encode " + value.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    Object convert(Object tree, Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        try {
            return mapper.convertValue(tree, javaType);
        } catch (IllegalArgumentException e) {
            throw new SerializationException(400, "Cannot convert value to " + javaType + ": " + e.getMessage(), e);
        }
    }

    private static final class Embedded extends StdSerializer<Object> {
        private static final long serialVersionUID = 1L;

        @SuppressWarnings("unchecked")
        Embedded(Class<?> type) {
            super((Class<Object>) type);
        }

        @Override
        public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeEmbeddedObject(value);
        }
    }
}
