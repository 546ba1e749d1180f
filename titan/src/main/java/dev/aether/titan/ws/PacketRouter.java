package dev.aether.titan.ws;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.http.IdempotencyKey;
import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.SerializationException;
import dev.aether.netron.protocol.msgpack.Undefined;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.netron.protocol.stream.StreamSources;
import dev.aether.titan.TitanSettings;
import dev.aether.titan.call.Arguments;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.call.KeptResults;
import dev.aether.titan.log.ClientErrorLog;
import dev.aether.netron.protocol.log.LogText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one decoded request packet: PING is echoed, CALL goes through
 * {@link Dispatcher#call} asynchronously (many per connection, each reply sent when it
 * completes), GET/SET/TASK are answered at once. Every failure becomes an error reply with the
 * request's id and type; packets that expect no reply (responses, streams) are dropped with a log line,
 * except TASK responses: those acknowledge the events forwarded to the client and are ignored.
 *
 * <pre>{@code
 * router.route(peer, codec.decode(frame));
 * }</pre>
 */
final class PacketRouter {
    private static final Logger LOG = LoggerFactory.getLogger(PacketRouter.class);
    private static final ClientErrorLog REFUSALS = new ClientErrorLog(LOG);

    private final Dispatcher dispatcher;
    private final TitanSettings settings;
    private final CoreTasks tasks;
    private final KeptResults<Object> kept;

    PacketRouter(Dispatcher dispatcher, TitanSettings settings) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.tasks = new CoreTasks(dispatcher);
        this.kept = new KeptResults<>(settings.idempotency(), PacketRouter::keptWeight);
    }

    void route(Peer peer, Packet packet) {
        if (routeStream(peer, packet)) {
            return;
        }
        if (!packet.impulse() && packet.type() == PacketType.TASK) {
            return; // a client acknowledging an event we forwarded: delivery is at-most-once, nothing waits for it
        }
        if (!packet.impulse()) {
            REFUSALS.info("response packet", "peer {}: dropped a {} response (id {}): the server sends no requests",
                    LogText.of(peer.caller().peerId()), packet.type(), packet.id());
            return;
        }
        switch (packet.type()) {
            case PING -> peer.outbox().send(packet.reply(packet.data()));
            case CALL -> call(peer, packet);
            case GET -> answer(peer, packet, () -> {
                RequestData get = RequestData.parse(packet.data(), 2);
                return dispatcher.get(peer.caller(), get.target(), get.member());
            });
            case SET -> answer(peer, packet, () -> {
                RequestData set = RequestData.parse(packet.data(), 3);
                dispatcher.set(peer.caller(), set.target(), set.member(), set.rest().get(0), false);
                return Undefined.VALUE; // the reference answers SET with undefined
            });
            case TASK -> answer(peer, packet, () -> tasks.run(peer, packet.data()));
            default -> throw new IllegalStateException("stream packets are routed first: " + packet.type());
        }
    }

    /** Chunks, credits, STREAM_ERROR and STREAM_CLOSE go to the connection's streams; true when it was one. */
    private static boolean routeStream(Peer peer, Packet packet) {
        try {
            return peer.streams().route(packet);
        } catch (SerializationException e) {
            REFUSALS.info("stream packet", "peer {}: dropped a {} packet (id {}): {}", LogText.of(peer.caller().peerId()),
                    packet.type(), packet.id(), LogText.of(e.getMessage()));
            return true;
        }
    }

    private void call(Peer peer, Packet packet) {
        InFlightCalls calls = peer.calls();
        if (!calls.tryAcquire()) {
            peer.outbox().send(packet.replyError(new RateLimitException("Too many calls in flight on this connection (max "
                    + calls.max() + ")", calls.max(), 0, Instant.now(), 1, Map.of())));
            return;
        }
        CompletableFuture<Object> result;
        String target = "unknown";
        String method = "unknown";
        List<?> args = List.of();
        try {
            RequestData call = RequestData.parse(packet.data(), peer.keyedCalls() ? 3 : 2);
            target = call.target();
            method = call.member();
            List<?> rest = call.rest();
            String key = null;
            if (peer.keyedCalls()) { // [target, method, key, ...args]: the key never reaches the method
                key = keyOf(rest.get(0));
                rest = rest.subList(1, rest.size());
            }
            args = StreamCalls.acceptArguments(peer.streams(), rest);
            List<?> accepted = args;
            String service = target;
            String name = method;
            result = kept.run(peer.caller(), key, target, method,
                    () -> dispatcher.call(peer.caller(), service, name, Arguments.wire(accepted), settings.requestTimeout()));
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Object> pending = calls.follow(result);
        String service = target;
        String name = method;
        List<?> given = args;
        pending.whenComplete((value, error) -> {
            calls.untrack(pending);
            if (error instanceof CancellationException) {
                calls.release(); // the connection is gone; there is no one to answer
                return;
            }
            if (error != null) {
                StreamCalls.releaseUnread(given);
            } else if (StreamCalls.replyWithStream(peer, packet, value, dispatcher.peerId(), calls::release)) {
                return;
            }
            Packet reply = error == null ? packet.reply(value) : packet.replyError(Dispatcher.toNetron(error, service, name));
            peer.outbox().send(reply, calls::release);
        });
    }

    private static void answer(Peer peer, Packet packet, Work work) {
        Packet reply;
        try {
            reply = packet.reply(work.run());
        } catch (RuntimeException e) {
            NetronException error = Dispatcher.toNetron(e, "websocket", packet.type().name());
            reply = packet.replyError(error);
        }
        peer.outbox().send(reply);
    }

    @FunctionalInterface
    private interface Work {
        Object run();
    }

    /** The key in a keyed CALL's key slot: a string of at most {@link IdempotencyKey#MAX_LENGTH} characters, or nil for none; else 400. */
    private static String keyOf(Object slot) {
        if (slot == null) {
            return null;
        }
        if (!(slot instanceof String key)) {
            throw RpcException.invalidRequest("Invalid request: the idempotency key must be a string or nil");
        }
        return IdempotencyKey.check(key);
    }

    /** A kept result weighs its MessagePack size; a stream, or anything not plain data, is not kept. */
    private static int keptWeight(Object value) {
        if (StreamSources.isStream(value)) {
            return -1; // not replayable; and encoding it to weigh it would drain an Iterator or a Stream
        }
        try {
            return NetronMsgpack.standard().encode(value).length;
        } catch (RuntimeException notPlainData) {
            return -1;
        }
    }
}
