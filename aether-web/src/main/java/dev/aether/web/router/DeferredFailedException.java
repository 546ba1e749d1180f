package dev.aether.web.router;

/**
 * What an error view of an {@link Await} is handed when its deferred value failed, timed out or
 * was cancelled, or its view threw. The message names the deferred value and the error id under
 * which the cause was logged, nothing of the cause itself: a view may show it.
 *
 * <pre>{@code
 * .onError(error -> p(text("Reviews are unavailable (error id " + ((DeferredFailedException) error).errorId() + ").")))
 * }</pre>
 */
public final class DeferredFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String deferred;
    private final String errorId;

    DeferredFailedException(String deferred, String errorId, Throwable cause) {
        super("deferred " + deferred + " failed (error id " + errorId + ")", cause);
        this.deferred = deferred;
        this.errorId = errorId;
    }

    /** The name of the deferred value. */
    public String deferred() {
        return deferred;
    }

    /** The id its cause was logged under. */
    public String errorId() {
        return errorId;
    }
}
