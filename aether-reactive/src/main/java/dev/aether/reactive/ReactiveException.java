package dev.aether.reactive;

/**
 * Something went wrong in reactive code itself (as opposed to an error thrown by user code,
 * which is passed through unchanged).
 *
 * <pre>{@code
 * try { total.get(); } catch (CycleDetectedException e) { log.warn(e.getMessage()); }
 * }</pre>
 */
public class ReactiveException extends RuntimeException {
    public ReactiveException(String message) {
        super(message);
    }

    public ReactiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
