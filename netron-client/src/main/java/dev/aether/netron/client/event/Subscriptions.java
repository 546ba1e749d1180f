package dev.aether.netron.client.event;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.RpcException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 */
public final class Subscriptions implements AutoCloseable {
    /** Events waiting for their handlers, at most. */
    public static final int MAX_QUEUED_EVENTS = 10_000;
    private static final System.Logger LOG = System.getLogger(Subscriptions.class.getName());

    /** The wire side: the transport's {@code subscribe}/{@code unsubscribe} tasks. */
    public interface Wire {
        /** Subscribes on the wire; completes when the server accepted, fails with its error. */
        CompletableFuture<?> subscribe(String event);

        /** Unsubscribes on the wire; nothing waits for the answer. */
        void unsubscribe(String event);
    }

    private final Wire wire;
    private final Duration timeout;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ExecutorService delivery;
    private final AtomicLong dropped = new AtomicLong();

    public Subscriptions(Wire wire, Duration timeout) {
        this.wire = Objects.requireNonNull(wire, "wire");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(MAX_QUEUED_EVENTS),
                Thread.ofVirtual().name("netron-events").factory(), (task, executor) -> dropped.incrementAndGet());
    }

    /** The handlers of one event and its wire subscription. */
    private static final class Entry {
        final List<Handle> handlers = new CopyOnWriteArrayList<>();
        CompletableFuture<?> wire;
    }

    /** Adds a handler; see {@link EventSource#subscribe}. */
    public EventSubscription add(String event, EventHandler handler) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(handler, "handler");
        Handle handle = new Handle(event, handler);
        CompletableFuture<?> confirmed;
        synchronized (this) {
            Entry entry = entries.computeIfAbsent(event, e -> new Entry());
            entry.handlers.add(handle);
            if (entry.wire == null) {
                entry.wire = wire.subscribe(event);
            }
            confirmed = entry.wire;
        }
        try {
            confirmed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return handle;
        } catch (ExecutionException e) {
            refused(handle);
            throw e.getCause() instanceof NetronException n ? n : new NetronException(NetronException.UNKNOWN_ERROR,
                    "subscribe " + event + " failed: " + e.getCause(), Map.of(), e.getCause());
        } catch (TimeoutException e) {
            refused(handle);
            throw RpcException.timeout("subscribe " + event + " was not answered within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            refused(handle);
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

    private void refused(Handle handle) {
        synchronized (this) {
            Entry entry = entries.get(handle.event);
            if (entry != null) {
                entry.handlers.remove(handle);
                if (entry.handlers.isEmpty()) {
                    entries.remove(handle.event);   // the wire subscription failed: nothing to unsubscribe
                }
            }
        }
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
        private final AtomicBoolean open = new AtomicBoolean(true);

        Handle(String event, EventHandler handler) {
            this.event = event;
            this.handler = handler;
        }

        @Override
        public String event() {
            return event;
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
