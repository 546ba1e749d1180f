package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.aether.netron.protocol.error.NetronException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * JSON for the HTTP transport, written like the reference writes it: compact, dates as
 * {@code Date.toISOString()} ({@code 2023-11-14T22:13:20.000Z}), numbers as JavaScript prints
 * them, absent fields omitted. User data maps with the same Jackson rules as the MessagePack path.
 *
 * <pre>{@code
 * InvokeRequest req = NetronJson.readInvoke(body);              // 400 "Invalid JSON" / "Invalid request format"
 * String out = NetronJson.write(InvokeResponse.success(req.id(), NetronJson.tree(user), 3));
 * }</pre>
 *
 * <p>BigIntegers are written with all digits (the reference converts them with {@code Number()}
 * and loses precision).
 */
public final class NetronJson {

    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = create();

    private NetronJson() {
    }

    private static ObjectMapper create() {
        SimpleModule js = new SimpleModule("netron-json");
        js.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(ISO_MILLIS.format(v));
            }
        });
        js.addSerializer(java.util.Date.class, new StdSerializer<>(java.util.Date.class) {
            @Override
            public void serialize(java.util.Date v, JsonGenerator g, SerializerProvider p) throws IOException {
                g.writeString(ISO_MILLIS.format(Instant.ofEpochMilli(v.getTime())));
            }
        });
        // Numbers are formatted at the generator, so doubles inside JsonNode trees are covered too.
        JsonFactory factory = JsonFactory.builder()
                .addDecorator((f, g) -> new JsNumberGenerator(g))
                .build();
        return new ObjectMapper(factory)
                .registerModule(new Jdk8Module())
                .registerModule(new JavaTimeModule())
                .registerModule(js)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }

    /** A copy of the configured mapper, for code that needs Jackson directly. */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    /** Compact JSON text of any value. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new NetronException(500, "Cannot serialize response: " + e.getOriginalMessage());
        }
    }

    /** A value as a JSON tree (results go into {@link InvokeResponse#data()} this way). */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** Converts a JSON tree (an argument, a result) to a Java type; 400 if it does not fit. */
    public static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new NetronException(400, "Invalid value for " + type.getSimpleName());
        }
    }

    /** Parses a body; 400 "Invalid JSON" when it is not JSON. */
    public static JsonNode parse(String body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || node.isMissingNode()) throw new NetronException(400, "Invalid JSON");
            return node;
        } catch (JsonProcessingException e) {
            throw new NetronException(400, "Invalid JSON");
        }
    }

    /**
     * Reads {@code POST /netron/invoke}: 400 "Invalid JSON", or 400 "Invalid request format"
     * unless id, service and method are strings and the key {@code input} is present.
     */
    public static InvokeRequest readInvoke(String body) {
        JsonNode n = parse(body);
        if (!InvokeRequest.isValid(n)) throw new NetronException(400, "Invalid request format");
        return treeTo(n, InvokeRequest.class, "Invalid request format");
    }

    /** Reads {@code POST /netron/batch}: 400 "Invalid batch request format" without a requests array. */
    public static BatchRequest readBatch(String body) {
        JsonNode n = parse(body);
        if (!n.isObject() || !n.path("requests").isArray()) throw new NetronException(400, "Invalid batch request format");
        return treeTo(n, BatchRequest.class, "Invalid batch request format");
    }

    /** Reads {@code POST /netron/authenticate}: 400 "Missing credentials parameter" without credentials. */
    public static AuthenticateRequest readAuthenticate(String body) {
        JsonNode n = parse(body);
        AuthenticateRequest r = treeTo(n, AuthenticateRequest.class, "Invalid request format");
        if (r.resolvedCredentials() == null) throw new NetronException(400, "Missing credentials parameter");
        return r;
    }

    private static <T> T treeTo(JsonNode n, Class<T> type, String message) {
        try {
            return MAPPER.treeToValue(n, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new NetronException(400, message);
        }
    }

    /** Writes doubles and floats as JavaScript prints them. */
    private static final class JsNumberGenerator extends JsonGeneratorDelegate {
        JsNumberGenerator(JsonGenerator d) {
            super(d, false);
        }

        @Override
        public void writeNumber(double v) throws IOException {
            delegate.writeNumber(JsNumberFormat.format(v));
        }

        @Override
        public void writeNumber(float v) throws IOException {
            delegate.writeNumber(JsNumberFormat.format(Double.parseDouble(Float.toString(v))));
        }
    }
}
