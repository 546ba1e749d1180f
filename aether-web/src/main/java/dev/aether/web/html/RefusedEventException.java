package dev.aether.web.html;

/**
 * Thrown by an event handler that refuses what the browser sent (a value it cannot accept): the
 * live session tells the browser {@link #getMessage()} (the runtime shows it in the console) and
 * logs it briefly, instead of reporting a server failure with a stack trace. The page's state is
 * left as the handler left it, so a handler throws this before changing anything.
 *
 * <pre>{@code
 * on("change", e -> {
 *     if (e.value().length() > 100) {
 *         throw new RefusedEventException("a name has at most 100 characters");
 *     }
 *     name.set(e.value());
 * })
 * }</pre>
 */
public class RefusedEventException extends RuntimeException {
    public RefusedEventException(String message) {
        super(message, null, false, false);
    }
}
