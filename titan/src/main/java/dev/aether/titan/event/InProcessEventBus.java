package dev.aether.titan.event;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event bus of one JVM: {@link #emit} calls every listener of the event on the emitter's
 * thread, one after the other, so one emitter's events reach each listener in the order it
 * emitted them. A listener that throws is logged and the others still hear the event.
 *
 * <pre>{@code
 * EventBus bus = new InProcessEventBus();
 * EventBus.Subscription s = bus.subscribe("user.created", (name, args) -> System.out.println(args));
 * bus.emit("user.created", new User(42, "Alice"));
 * s.close();
 * }</pre>
 */
public final class InProcessEventBus implements EventBus {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessEventBus.class);

    private final Map<String, Set<Registration>> listeners = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public void emit(String event, Object... args) {
        Objects.requireNonNull(event, "event");
        Set<Registration> heard = listeners.get(event);
        if (heard == null || heard.isEmpty()) {
            return;
        }
        List<Object> arguments = Collections.unmodifiableList(Arrays.asList(args.clone()));
        for (Registration registration : heard) {
            try {
                registration.listener.onEvent(event, arguments);
            } catch (RuntimeException e) {
                LOG.warn("a listener of event '{}' failed; the others still hear it", event, e);
            }
        }
    }

    @Override
    public Subscription subscribe(String event, Listener listener) {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(listener, "listener");
        Registration registration = new Registration(event, listener);
        listeners.compute(event, (name, set) -> {
            Set<Registration> target = set == null ? new CopyOnWriteArraySet<>() : set;
            target.add(registration);
            return target;
        });
        count.incrementAndGet();
        return registration;
    }

    @Override
    public int listenerCount() {
        return count.get();
    }

    /** One listener of one event; identity, not equality, tells registrations apart. */
    private final class Registration implements Subscription {
        private final String event;
        private final Listener listener;
        private final AtomicInteger open = new AtomicInteger(1);

        Registration(String event, Listener listener) {
            this.event = event;
            this.listener = listener;
        }

        @Override
        public void close() {
            if (!open.compareAndSet(1, 0)) {
                return;
            }
            // Removes the event's empty set too, so names nobody listens to any more do not accumulate.
            listeners.computeIfPresent(event, (name, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            count.decrementAndGet();
        }
    }
}
