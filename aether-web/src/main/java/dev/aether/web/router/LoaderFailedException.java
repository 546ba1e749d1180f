package dev.aether.web.router;

/**
 * A loader threw (or ran out of time): what an error boundary receives, with the loader's name
 * and its error as the cause.
 *
 * <pre>{@code
 * .errorBoundary(error -> p(text(error instanceof LoaderFailedException f ? "Could not load " + f.loader() : "Failed")))
 * }</pre>
 */
public final class LoaderFailedException extends RuntimeException {
    private final String loader;

    public LoaderFailedException(String loader, Throwable cause) {
        super("loader " + loader + " failed: " + cause, cause);
        this.loader = loader;
    }

    /** The failed loader's name. */
    public String loader() {
        return loader;
    }
}
