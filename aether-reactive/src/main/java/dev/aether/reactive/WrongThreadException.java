package dev.aether.reactive;

/**
 * A node was touched from a thread that is not running its {@link ReactiveContext}. The
 * message names the node, the context and what to do instead.
 *
 * <pre>{@code
 * new Thread(() -> count.set(1)).start();                  // throws WrongThreadException
 * new Thread(() -> context.post(() -> count.set(1))).start(); // right
 * }</pre>
 */
public final class WrongThreadException extends ReactiveException {
    public WrongThreadException(String message) {
        super(message);
    }
}
