package dev.aether.netron.client.event;

import java.util.List;

/**
 * Hears one event with its arguments as they came off the wire (maps, lists, strings, numbers).
 * {@code NetronClient.subscribe(event, type, handler)} converts the first argument for you.
 *
 * <pre>{@code
 * EventHandler log = args -> System.out.println("user.created " + args);
 * }</pre>
 */
@FunctionalInterface
public interface EventHandler {
    void onEvent(List<Object> args);
}
