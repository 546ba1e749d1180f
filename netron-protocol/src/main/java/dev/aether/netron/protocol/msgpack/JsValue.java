package dev.aether.netron.protocol.msgpack;

/**
 * JavaScript values that have no natural Java type, for the rare cases where a Java peer must
 * send exactly what a TypeScript peer would: {@code undefined}, a {@code Map} with string keys
 * (a Java {@code Map<String, ?>} is sent as a plain object), a RegExp with flags Java cannot
 * express ({@code g}, {@code y}, ...), a {@code long.js} Long. The decoder produces natural Java
 * types instead (null, {@code Map}, {@link java.util.regex.Pattern}, {@code Long}), except
 * {@link JsRegExp} for a RegExp Java cannot represent.
 *
 * <pre>{@code
 * NetronMsgpack.standard().encode(Undefined.VALUE);                // d4 00 00
 * NetronMsgpack.standard().encode(new JsMap(Map.of("a", 1)));       // ext 124, not a plain object
 * }</pre>
 */
public sealed interface JsValue permits Undefined, JsMap, JsRegExp, JsLong {
}
