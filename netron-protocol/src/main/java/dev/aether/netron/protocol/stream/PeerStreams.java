package dev.aether.netron.protocol.stream;

import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.StreamException;
import dev.aether.netron.protocol.packet.IdSequence;
import dev.aether.netron.protocol.packet.Packet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The streams of one connection, both directions, the same on the server and on the client: we
 * {@link #open} the streams we send and {@link #accept} the ones the peer announces with a
 * {@link StreamReference}; {@link #route} takes every stream packet that arrives. At most
 * {@link StreamLimits#maxStreams()} streams per direction ({@link StreamException} 429 beyond,
 * and STREAM_CLOSE {@code stream-limit-reached} to the peer for an inbound one).
 * {@link #closeAll} on disconnect ends every stream and lets go of all of them.
 *
 * <pre>{@code
 * PeerStreams streams = new PeerStreams(wire, StreamLimits.defaults(), Throwable::getMessage);
 * streams.enableCredits(peerWindow);                // both sides said "credits" in the handshake
 * if (streams.route(packet)) return;                 // a chunk, credit, STREAM_ERROR or STREAM_CLOSE
 * }</pre>
 *
 * <p>Stream ids of the two directions come from different counters and may be equal. Chunks
 * always belong to an inbound stream and credits to an outbound one; a STREAM_ERROR (sent by a
 * writer) goes to the inbound stream of that id first, a STREAM_CLOSE (usually a receiver
 * cancelling) to the outbound one first.
 */
public final class PeerStreams {
    private static final Executor DELIVERY = Executors.newVirtualThreadPerTaskExecutor();

    private final StreamWire wire;
    private final StreamLimits limits;
    private final Function<Throwable, String> describe;
    private final IdSequence packetIds = new IdSequence();
    private final AtomicLong streamIds = new AtomicLong();
    private final Map<Long, OutboundStream> outbound = new ConcurrentHashMap<>();
    private final Map<Long, InboundStream> inbound = new ConcurrentHashMap<>();
    private final Channel channel = new Channel();
    private volatile int peerCredits;   // > 0 once both sides negotiated credits: the peer's window
    private volatile boolean closed;

    /**
     * @param describe the text a STREAM_ERROR carries for a failure of one of our sources
     */
    public PeerStreams(StreamWire wire, StreamLimits limits, Function<Throwable, String> describe) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.describe = Objects.requireNonNull(describe, "describe");
    }

    /** Both sides agreed on credits in the handshake; {@code peerWindow} is what the peer announced. */
    public void enableCredits(int peerWindow) {
        if (peerWindow < 1) throw new IllegalArgumentException("peerWindow must be positive: " + peerWindow);
        peerCredits = peerWindow;
    }

    public boolean creditsEnabled() {
        return peerCredits > 0;
    }

    public StreamLimits limits() {
        return limits;
    }

    /**
     * Registers a stream we send from {@code source} (see {@link StreamSources}); nothing flows
     * until {@link OutboundStream#start()}, so the reference can reach the peer first.
     */
    public OutboundStream open(Object source) {
        if (closed) throw StreamException.closed("The connection is closed");
        if (outbound.size() >= limits.maxStreams()) {
            throw StreamException.backpressure("Too many open streams to this peer (max " + limits.maxStreams() + ")");
        }
        long id;
        do {
            id = streamIds.updateAndGet(n -> n >= Packet.MAX_UINT32 ? 1 : n + 1);
        } while (outbound.containsKey(id));
        OutboundStream stream = new OutboundStream(id, StreamSources.isLive(source), StreamSources.publisherOf(source), channel,
                () -> peerCredits, limits.maxUnwritten());
        outbound.put(id, stream);
        return stream;
    }

    /**
     * Registers a stream the peer announced; its chunks go to the returned publisher. Beyond the
     * limit: STREAM_CLOSE {@code stream-limit-reached} to the peer and {@link StreamException} 429.
     */
    public InboundStream accept(StreamReference reference) {
        long id = reference.streamId();
        if (closed) throw StreamException.closed("The connection is closed");
        if (inbound.size() >= limits.maxStreams() || inbound.containsKey(id)) {
            send(StreamPackets.close(packetIds.next(), id, StreamPackets.STREAM_LIMIT_REACHED));
            throw StreamException.backpressure(inbound.containsKey(id) ? "Stream " + id + " is already open"
                    : "Too many open streams from this peer (max " + limits.maxStreams() + ")");
        }
        InboundStream stream = new InboundStream(id, reference.live(), channel, limits, creditsEnabled(), DELIVERY);
        inbound.put(id, stream);
        return stream;
    }

    /** Handles a stream packet; false when {@code packet} is none (CALL, TASK, ...). */
    public boolean route(Packet packet) {
        switch (packet.type()) {
            case STREAM -> {
                if (StreamPackets.isCredit(packet)) {
                    OutboundStream out = outbound.get(packet.streamId());
                    if (out != null) out.grant(packet.streamIndex());
                } else {
                    InboundStream in = inbound.get(packet.streamId());
                    if (in != null) in.onChunk(packet.streamIndex(), packet.data(), packet.eos());
                    // else: a chunk still in flight when we cancelled, or for a stream we refused
                }
            }
            case STREAM_ERROR -> {
                long id = StreamPackets.streamIdOf(packet);
                InboundStream in = inbound.get(id);
                if (in != null) {
                    in.onRemoteError(StreamPackets.textOf(packet));
                } else {
                    OutboundStream out = outbound.get(id);
                    if (out != null) out.cancel();
                }
            }
            case STREAM_CLOSE -> {
                long id = StreamPackets.streamIdOf(packet);
                OutboundStream out = outbound.get(id);
                if (out != null) {
                    out.cancel();
                } else {
                    InboundStream in = inbound.get(id);
                    if (in != null) in.onRemoteClose(StreamPackets.textOf(packet));
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The connection is gone: every source is cancelled, every subscriber gets {@code cause}; nothing is sent. */
    public void closeAll(Throwable cause) {
        closed = true;
        for (OutboundStream out : new ArrayList<>(outbound.values())) {
            out.cancel();
        }
        for (InboundStream in : new ArrayList<>(inbound.values())) {
            in.fail(cause);
        }
        outbound.clear();
        inbound.clear();
    }

    /** Streams we send that have not ended. */
    public int outboundCount() {
        return outbound.size();
    }

    /** Streams we receive that have not ended. */
    public int inboundCount() {
        return inbound.size();
    }

    /** The open outbound streams, for tests and metrics. */
    public List<OutboundStream> outboundStreams() {
        return List.copyOf(outbound.values());
    }

    private void send(Packet packet) {
        try {
            wire.send(packet, () -> { });
        } catch (RuntimeException ignored) {
            // our own control packets always encode
        }
    }

    private final class Channel implements StreamChannel {
        @Override
        public long nextPacketId() {
            return packetIds.next();
        }

        @Override
        public void send(Packet packet, Runnable written) {
            wire.send(packet, written);
        }

        @Override
        public void forget(Object stream, long streamId) {
            if (stream instanceof OutboundStream) {
                outbound.remove(streamId, stream);
            } else {
                inbound.remove(streamId, stream);
            }
        }

        @Override
        public String describe(Throwable failure) {
            return describe.apply(failure);
        }
    }
}
