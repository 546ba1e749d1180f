package dev.aether.titan.ws;

import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.packet.IdSequence;
import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Principal;
import dev.aether.titan.event.EventBus;
import dev.aether.titan.event.EventCatalog;
import dev.aether.titan.event.Events;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The events one connection subscribed to, and their forwarding: each event becomes a TASK
 * request {@code ['emit', name, ...args]} with an id of this connection's own sequence (the
 * client answers it; the answer is ignored, delivery is at-most-once).
 *
 * <p>Bounded on both sides: at most {@code maxSubscriptionsPerPeer} events (then 429), and at most
 * {@code maxQueuedEventsPerPeer} event packets waiting to be written. A subscriber that falls
 * further behind is dropped ({@code tooSlow} closes its connection with
 * {@link CloseCodes#SLOW_SUBSCRIBER}) rather than silently missing events or growing the heap.
 * {@link #closeAll()} on disconnect leaves nothing of the connection in the bus.
 *
 * <pre>{@code
 * PeerEvents events = new PeerEvents(context.events(), codec, outbox, () -> session.close(4029, "...", NOOP));
 * events.subscribe(principal, "user.created");
 * events.closeAll();   // on close
 * }</pre>
 */
final class PeerEvents {
    private static final Logger LOG = LoggerFactory.getLogger(PeerEvents.class);
    static final String EMIT_TASK = "emit";

    private final Events events;
    private final PacketCodec codec;
    private final Outbox outbox;
    private final Runnable tooSlow;
    private final IdSequence ids = new IdSequence();
    private final Map<String, EventBus.Subscription> subscriptions = new HashMap<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean closed;

    PeerEvents(Events events, PacketCodec codec, Outbox outbox, Runnable tooSlow) {
        this.events = events;
        this.codec = codec;
        this.outbox = outbox;
        this.tooSlow = tooSlow;
    }

    /** Subscribes (idempotent); throws 400 for a bad name, 401/403 when not allowed, 429 past the cap. */
    void subscribe(Principal principal, String event) {
        events.catalog().checkSubscribe(principal, event);
        synchronized (subscriptions) {
            if (closed || subscriptions.containsKey(event)) {
                return;
            }
            int max = events.limits().maxSubscriptionsPerPeer();
            if (subscriptions.size() >= max) {
                throw new RateLimitException("Too many subscriptions on this connection (max " + max + ")", max, 0, Instant.now(), 1,
                        Map.of("event", event));
            }
            subscriptions.put(event, events.bus().subscribe(event, this::forward));
        }
    }

    /** Ends the subscription to {@code event}, if any. */
    void unsubscribe(String event) {
        EventCatalog.checkName(event);
        EventBus.Subscription subscription;
        synchronized (subscriptions) {
            subscription = subscriptions.remove(event);
        }
        if (subscription != null) {
            subscription.close();
        }
    }

    /** The connection is gone (or too slow): every subscription ends, later events are ignored. */
    void closeAll() {
        List<EventBus.Subscription> all;
        synchronized (subscriptions) {
            closed = true;
            all = new ArrayList<>(subscriptions.values());
            subscriptions.clear();
        }
        all.forEach(EventBus.Subscription::close);
    }

    int size() {
        synchronized (subscriptions) {
            return subscriptions.size();
        }
    }

    private void forward(String event, List<Object> args) {
        if (closed) {
            return;
        }
        if (queued.incrementAndGet() > events.limits().maxQueuedEventsPerPeer()) {
            queued.decrementAndGet();
            LOG.info("a subscriber fell {} events behind: dropping its connection", events.limits().maxQueuedEventsPerPeer());
            closeAll();
            tooSlow.run();
            return;
        }
        List<Object> data = new ArrayList<>(args.size() + 2);
        data.add(EMIT_TASK);
        data.add(event);
        data.addAll(args);
        byte[] frame;
        try {
            frame = codec.encode(Packet.request(ids.next(), PacketType.TASK, data));
        } catch (RuntimeException e) {
            queued.decrementAndGet();
            LOG.warn("event '{}' cannot be encoded for the wire: not forwarded", event, e);
            return;
        }
        outbox.sendRaw(frame, queued::decrementAndGet);
    }
}
