/**
 * The binary packet frame of WebSocket and TCP transports (netron-wire.md §1):
 * {@link dev.aether.netron.protocol.packet.Packet}, its
 * {@link dev.aether.netron.protocol.packet.PacketType type}, the
 * {@link dev.aether.netron.protocol.packet.PacketCodec codec} and the
 * {@link dev.aether.netron.protocol.packet.IdSequence id counters}.
 *
 * <pre>{@code
 * byte[] frame = PacketCodec.standard().encode(Packet.request(1, PacketType.CALL, List.of("users@1.0.0", "getUser", 42)));
 * Packet p = PacketCodec.standard().decode(frame);
 * }</pre>
 */
package dev.aether.netron.protocol.packet;
