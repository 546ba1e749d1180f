package dev.aether.titan.ws;

import dev.aether.netron.protocol.definition.StreamReference;
import dev.aether.netron.protocol.error.StreamException;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.stream.InboundStream;
import dev.aether.netron.protocol.stream.OutboundStream;
import dev.aether.netron.protocol.stream.PeerStreams;
import dev.aether.netron.protocol.stream.StreamSources;
import java.util.ArrayList;
import java.util.List;

/**
 * Where calls and streams meet on a connection: a {@link StreamReference} among a call's
 * arguments becomes the publisher the method reads (client → server), and a method's
 * {@code Flow.Publisher}, {@code Stream} or {@code Iterator} result becomes a StreamReference
 * reply followed by the stream's chunks (server → client).
 *
 * <pre>{@code
 * List<Object> args = StreamCalls.acceptArguments(peer.streams(), call.rest());
 * StreamCalls.reply(peer, request, result, serverId);
 * }</pre>
 */
final class StreamCalls {
    private StreamCalls() {
    }

    /** The arguments with every StreamReference replaced by the stream it announces (429 past the stream limit). */
    static List<?> acceptArguments(PeerStreams streams, List<?> args) {
        List<Object> out = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof StreamReference ref) {
                if (out == null) out = new ArrayList<>(args);
                out.set(i, streams.accept(ref));
            }
        }
        return out == null ? args : out; // not List.copyOf: null is a valid argument
    }

    /** Cancels the streams a call was given and never subscribed to (the call failed before reading them). */
    static void releaseUnread(List<?> args) {
        for (Object arg : args) {
            if (arg instanceof InboundStream in) in.cancelIfUnread();
        }
    }

    /**
     * Whether the result is a stream; if so, answers {@code request} with its reference and starts
     * it. A stream past the limit answers the call with 429 instead.
     */
    static boolean replyWithStream(Peer peer, Packet request, Object result, String serverId, Runnable replied) {
        if (!StreamSources.isStream(result)) return false;
        OutboundStream out;
        try {
            out = peer.streams().open(result);
        } catch (StreamException e) {
            peer.outbox().send(request.replyError(e), replied);
            return true;
        }
        // Jetty writes in the order of the calls, so the reference reaches the peer before the first chunk.
        peer.outbox().send(request.reply(out.reference(serverId)), replied);
        out.start();
        return true;
    }
}
