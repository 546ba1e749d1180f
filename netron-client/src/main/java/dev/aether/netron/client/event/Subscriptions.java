package dev.aether.netron.client.event;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client's event handlers, reference counted per event: the first handler of an event
 * subscribes on the wire, the last one to close unsubscribes. Events are handed to the handlers
 * on one delivery thread, in arrival order; a handler that throws is logged and the others still
 * run. At most {@link #MAX_QUEUED_EVENTS} events wait for delivery; more are dropped and counted,
 * so a flood from the server cannot grow the heap.
 *
 * <pre>{@code
 * Subscriptions subscriptions = new Subscriptions(wire, Duration.ofSeconds(30));
 * EventSubscription s = subscriptions.add("user.created", args -> ...);   // wire subscribe
 * subscriptions.deliver("user.created", List.of(user));                     // from the socket
 * s.close();                                                                // wire unsubscribe
 * }</pre>
 *
 * <p>Across connections: {@link #disconnected()} when the connection drops (handles report
 * {@link SubscriptionState#PENDING}), {@link #resubscribe} on the next one. A refusal there reaches
 * the {@link SubscriptionRefusals} and the handles ({@link SubscriptionState#REFUSED}); a wire
 * subscription confirmed after its last handler closed is unsubscribed at once.
 */
public final class Subscriptions implements AutoCloseable {
    /** Events waiting for their handlers, at most. */
    public static final int MAX_QUEUED_EVENTS = 10_000;
    private static final System.Logger LOG = System.getLogger(Subscriptions.class.getName());

    /** The wire side: the transport's {@code subscribe}/{@code unsubscribe} tasks. */
    public interface Wire {
        /**
         * Subscribes on the current connection; completes when the server accepted, fails with its
         * error. Empty when there is no connection now: the next one is {@link #resubscribe resubscribed}.
         */
        Optional<CompletableFuture<?>> subscribe(String event);

        /** Unsubscribes on the wire; nothing waits for the answer. */
        void unsubscribe(String event);
    }

    private final Wire wire;
    private final Duration timeout;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService delivery;
    private final AtomicLong dropped = new AtomicLong();
    private final SubscriptionRefusals refusals;

    public Subscriptions(Wire wire, Duration timeout) {
        this(wire, timeout, (event, cause) -> LOG.log(System.Logger.Level.WARNING, "the server refused the subscription to '" + event + "'", cause));
    }

    /** With {@code refusals} told of every refusal no caller waits for (see {@link SubscriptionRefusals}). */
    public Subscriptions(Wire wire, Duration timeout, SubscriptionRefusals refusals) {
        this.refusals = Objects.requireNonNull(refusals, "refusals");
        this.wire = Objects.requireNonNull(wire, "wire");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(MAX_QUEUED_EVENTS),
                Thread.ofVirtual().name("netron-events").factory(), (task, executor) -> dropped.incrementAndGet());
    }

    /** The handlers of one event and its wire subscription. */
    private static final class Entry {
        final List<Handle> handlers = new CopyOnWriteArrayList<>();
        /** The first confirmation by the server, what {@link EventSubscription#confirmed()} returns. */
        final CompletableFuture<Void> confirmed = new CompletableFuture<>();
        /** Confirmed on the current connection. */
        volatile boolean active;
        /** The refusal that removed this event's handlers, if any. */
        volatile NetronException refusal;
        CompletableFuture<?> wire;
    }

    /** Adds a handler; see {@link EventSource#subscribe}. */
    public EventSubscription add(String event, EventHandler handler) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(handler, "handler");
        Handle handle;
        CompletableFuture<?> confirmed;
        Entry entry;
        synchronized (this) {
            entry = entries.computeIfAbsent(event, e -> new Entry());
            handle = new Handle(event, handler, entry);
            entry.handlers.add(handle);
            if (entry.wire == null) {
                Optional<CompletableFuture<?>> sent = wire.subscribe(event);
                if (sent.isEmpty()) {
                    // No connection now: the handle reports PENDING until the next connection's resubscribe answers.
                    entry.wire = entry.confirmed;
                    return handle;
                }
                Entry subscribed = entry;
                entry.wire = sent.get().whenComplete((ok, error) -> {
                    if (error == null) {
                        confirm(event, subscribed);
                    }
                });
            }
            confirmed = entry.wire;
            if (confirmed == entry.confirmed) {
                return handle;   // another handler's subscribe is waiting for a connection: so does this one
            }
        }
        try {
            confirmed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return handle;
        } catch (ExecutionException e) {
            NetronException failure = e.getCause() instanceof NetronException n ? n : new NetronException(NetronException.UNKNOWN_ERROR,
                    "subscribe " + event + " failed: " + e.getCause(), Map.of(), e.getCause());
            refuse(event, entry, failure, false);
            throw failure;
        } catch (TimeoutException e) {
            abandon(handle);
            throw RpcException.timeout("subscribe " + event + " was not answered within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            abandon(handle);
            Thread.currentThread().interrupt();
            throw RpcException.timeout("interrupted while subscribing to " + event);
        }
    }

    /** Hands an event to its handlers (on the delivery thread); an event nobody handles is ignored. */
    public void deliver(String event, List<Object> args) {
        Entry entry = entries.get(event);
        if (entry == null) {
            return;
        }
        delivery.execute(() -> {
            for (Handle handle : entry.handlers) {
                handle.run(args);
            }
        });
    }

    /** The connection dropped: every wire subscription waits for the next one (handles report PENDING). */
    public void disconnected() {
        entries.values().forEach(entry -> entry.active = false);
    }

    /**
     * Subscribes again, on a new connection, to every event that has a handler; {@code send} sends
     * one {@code subscribe} task. A refusal (a 4xx answer) removes the event's handlers and is
     * reported; a confirmation that comes after the event's last handler closed is undone with an
     * {@code unsubscribe}, so the server keeps no subscription without a handler.
     */
    public void resubscribe(java.util.function.Function<String, CompletableFuture<?>> send) {
        for (Map.Entry<String, Entry> e : Map.copyOf(entries).entrySet()) {
            String event = e.getKey();
            Entry entry = e.getValue();
            send.apply(event).whenComplete((ok, error) -> {
                if (error == null) {
                    confirm(event, entry);
                } else if (refusal(error) instanceof NetronException refused) {
                    refuse(event, entry, refused, true);
                } else {
                    // the connection went away again: the next one tries again
                    LOG.log(System.Logger.Level.DEBUG, "re-subscribing to '" + event + "' failed: " + error);
                }
            });
        }
    }

    /** The events with at least one handler: what a reconnected transport subscribes to again. */
    public Set<String> events() {
        return Set.copyOf(entries.keySet());
    }

    /** Handlers registered now, over all events: 0 once every subscription is closed. */
    public int handlerCount() {
        return entries.values().stream().mapToInt(e -> e.handlers.size()).sum();
    }

    /** Events dropped because {@link #MAX_QUEUED_EVENTS} were already waiting. */
    public long droppedEvents() {
        return dropped.get();
    }

    /** Stops delivering; handlers stay registered but hear nothing more. */
    @Override
    public void close() {
        delivery.shutdownNow();
    }

    /** A caller gave up waiting (timeout, interrupt): its handler goes; a late confirmation is undone by {@link #confirm}. */
    private void abandon(Handle handle) {
        handle.open.set(false);
        synchronized (this) {
            Entry entry = entries.get(handle.event);
            if (entry != null && entry.handlers.remove(handle) && entry.handlers.isEmpty()) {
                entries.remove(handle.event);
            }
        }
    }

    /** The server accepted {@code event}'s subscription for {@code entry}: active, or undone if nobody listens any more. */
    private void confirm(String event, Entry entry) {
        synchronized (this) {
            if (entries.get(event) == null) {
                // Every handler closed while the subscribe was under way (its unsubscribe may even have gone out
                // first): without this the server would keep sending an event nobody handles.
                wire.unsubscribe(event);
                return;
            }
            entry.active = true;
        }
        entry.confirmed.complete(null);
    }

    /** The server refused {@code entry}'s subscription: its handlers go, its handles report REFUSED. */
    private void refuse(String event, Entry entry, NetronException cause, boolean report) {
        synchronized (this) {
            entries.remove(event, entry);   // nothing to unsubscribe: the server holds no subscription
            entry.refusal = cause;
            entry.active = false;
        }
        entry.confirmed.completeExceptionally(cause);
        if (report) {
            try {
                refusals.refused(event, cause);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the refusal listener failed on '" + event + "'", e);
            }
        }
    }

    /** The answer's error when it is the server refusing (4xx but a timeout), null when the connection failed. */
    private static NetronException refusal(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause instanceof NetronException n && n.code() >= 400 && n.code() < 500 && n.code() != 408 ? n : null;
    }

    private void remove(Handle handle) {
        synchronized (this) {
            Entry entry = entries.get(handle.event);
            if (entry == null || !entry.handlers.remove(handle) || !entry.handlers.isEmpty()) {
                return;
            }
            entries.remove(handle.event);
            wire.unsubscribe(handle.event);
        }
    }

    private final class Handle implements EventSubscription {
        private final String event;
        private final EventHandler handler;
        private final Entry entry;
        private final AtomicBoolean open = new AtomicBoolean(true);

        Handle(String event, EventHandler handler, Entry entry) {
            this.event = event;
            this.handler = handler;
            this.entry = entry;
        }

        @Override
        public String event() {
            return event;
        }

        @Override
        public SubscriptionState state() {
            if (!open.get()) {
                return SubscriptionState.CLOSED;
            }
            if (entry.refusal != null) {
                return SubscriptionState.REFUSED;
            }
            return entry.active ? SubscriptionState.ACTIVE : SubscriptionState.PENDING;
        }

        @Override
        public CompletableFuture<Void> confirmed() {
            return entry.confirmed.copy();
        }

        void run(List<Object> args) {
            if (!open.get()) {
                return;
            }
            try {
                handler.onEvent(args);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a handler of event '" + event + "' failed; the others still run", e);
            }
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                remove(this);
            }
        }
    }
}
