/**
 * The binary packet frame of WebSocket and TCP transports (netron-wire.md §1):
 * {@link dev.aether.netron.protocol.packet.Packet}, its
 * {@link dev.aether.netron.protocol.packet.PacketType type}, the
 * {@link dev.aether.netron.protocol.packet.PacketCodec codec} and the
 * {@link dev.aether.netron.protocol.packet.IdSequence id counters}.
 */
package dev.aether.netron.protocol.packet;
