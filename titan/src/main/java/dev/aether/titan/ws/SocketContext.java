package dev.aether.titan.ws;

import dev.aether.netron.protocol.stream.StreamLimits;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.titan.event.Events;
import dev.aether.titan.inbound.InboundBudget;
import org.eclipse.jetty.util.thread.Scheduler;

/** What every connection of one endpoint shares: the server's Netron id, the codec, the router, the limits, the budget for unfinished messages, the timers, the registry and the events. */
record SocketContext(String serverId, PacketCodec codec, PacketRouter router, WebSocketOptions options, int maxPacketBytes,
                     InboundBudget budget,
                     Scheduler scheduler, Peers peers, Events events, StreamLimits streamLimits) {
}
