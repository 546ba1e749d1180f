package dev.aether.netron.client.middleware;

import java.util.Objects;
import java.util.function.Function;

/**
 * Turns errors into others (the reference's error transform middleware): a server's error into
 * the application's own exception, say.
 *
 * <pre>{@code
 * Middleware friendly = new ErrorTransform(error -> error instanceof PermissionException
 *         ? new AccessDenied("you may not do that") : error);
 * }</pre>
 */
public final class ErrorTransform implements Middleware {
    private final Function<Throwable, Throwable> transform;

    public ErrorTransform(Function<Throwable, Throwable> transform) {
        this.transform = Objects.requireNonNull(transform, "transform");
    }

    @Override
    public Before before(MiddlewareContext context) {
        return Before.proceed(context.call());
    }

    @Override
    public Throwable error(MiddlewareContext context, Throwable error) {
        return transform.apply(error);
    }
}
