/**
 * MessagePack with every Netron extension type, mapped to natural Java types; user data
 * (records, POJOs, enums, Optional, ...) goes through Jackson with the same mapping as JSON.
 * Entry point: {@link dev.aether.netron.protocol.msgpack.NetronMsgpack}.
 *
 * <pre>{@code
 * NetronMsgpack codec = NetronMsgpack.standard();
 * byte[] bytes = codec.encode(List.of("users@1.0.0", "getUser", 42));
 * Object value = codec.decode(bytes);                 // [users@1.0.0, getUser, 42]
 * }</pre>
 */
package dev.aether.netron.protocol.msgpack;
