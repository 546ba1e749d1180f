package dev.aether.titan.event;

import java.util.List;

/**
 * Where events are published and heard. Services (injected with Guice) and the application emit
 * events; Netron peers subscribe to them with the {@code subscribe} core task and receive each as
 * a TASK packet {@code ['emit', name, ...args]}.
 *
 * <pre>{@code
 * @Service("users@1.0.0")
 * public final class UserService {
 *     @Inject EventBus events;
 *     @Public public User create(String name) {
 *         User user = store.add(name);
 *         events.emit("user.created", user);
 *         return user;
 *     }
 * }
 * try (EventBus.Subscription s = titan.events().subscribe("user.created", (name, args) -> log(args))) { ... }
 * }</pre>
 *
 * <p>Semantics every implementation keeps (docs/realtime.md): at-most-once delivery to each
 * listener subscribed at the moment of the emit, in the order one emitter emitted; no replay for a
 * listener that subscribes later. The in-process implementation is {@link InProcessEventBus}; a
 * distributed one (several Titan nodes) implements the same interface.
 */
public interface EventBus {
    /** Publishes {@code event} with its arguments to every listener subscribed now. */
    void emit(String event, Object... args);

    /** Listens to {@code event} until the returned subscription is closed. */
    Subscription subscribe(String event, Listener listener);

    /** Listeners subscribed now, over all events: 0 when nothing listens (what leak tests check). */
    int listenerCount();

    /**
     * Hears events. It runs on the emitter's thread and must not block: a Netron peer's listener
     * only queues a packet.
     */
    @FunctionalInterface
    interface Listener {
        void onEvent(String event, List<Object> args);
    }

    /** A listener's registration; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
