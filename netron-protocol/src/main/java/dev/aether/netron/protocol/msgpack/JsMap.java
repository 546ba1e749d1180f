package dev.aether.netron.protocol.msgpack;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Forces a JavaScript {@code Map} (ext 124) on the wire. Needed only when all keys are strings
 * (or the map is empty): any other Java {@code Map} with non-string keys is already sent as
 * ext 124, and a {@code Map<String, ?>} is sent as a plain object, as JSON would.
 *
 * <pre>{@code
 * codec.encode(new JsMap(Map.of("a", 1)));   // c7 .. 7c 00000001 a1 61 01
 * }</pre>
 */
public record JsMap(Map<?, ?> entries) implements JsValue {
    public JsMap {
        entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
    }
}
