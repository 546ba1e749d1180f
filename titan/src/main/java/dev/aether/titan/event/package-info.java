/**
 * Server events: services emit on the {@link dev.aether.titan.event.EventBus} (injected, or
 * {@code titan.events()}), and WebSocket peers subscribe to the event names the
 * {@link dev.aether.titan.event.EventCatalog} lets them see, within
 * {@link dev.aether.titan.event.EventLimits}. {@link dev.aether.titan.event.InProcessEventBus}
 * is the bus of one process.
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
 */
package dev.aether.titan.event;
