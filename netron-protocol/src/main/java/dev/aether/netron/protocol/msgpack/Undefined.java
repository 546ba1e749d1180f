package dev.aether.netron.protocol.msgpack;

/**
 * JavaScript {@code undefined} (fixext1 type 0, data 0: {@code d4 00 00}). The decoder turns it
 * into {@code null}; send {@link #VALUE} where a TypeScript peer expects {@code undefined}
 * rather than {@code null} (void results, SET responses).
 *
 * <pre>{@code
 * Packet.response(request, Undefined.VALUE)
 * }</pre>
 */
public enum Undefined implements JsValue {
    /** The single {@code undefined} value. */
    VALUE
}
