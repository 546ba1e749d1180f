/**
 * MessagePack with every Netron extension type, mapped to natural Java types; user data
 * (records, POJOs, enums, Optional, ...) goes through Jackson with the same mapping as JSON.
 * Entry point: {@link dev.aether.netron.protocol.msgpack.NetronMsgpack}.
 */
package dev.aether.netron.protocol.msgpack;
