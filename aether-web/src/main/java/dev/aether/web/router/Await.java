package dev.aether.web.router;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Resource;
import dev.aether.web.component.ErrorBoundary;
import dev.aether.web.component.SuspendedException;
import dev.aether.web.component.Suspense;
import dev.aether.web.html.Control;
import dev.aether.web.html.Node;
import dev.aether.web.html.RenderTarget;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a {@link Deferred} value shows: its fallback until the value arrives, then the view of
 * the value. Made by {@link RouteContext#await}. It is a {@link Suspense} boundary, so it streams
 * the way every Suspense boundary does: on a server-rendered GET its content is a chunk of the
 * same response, swapped in by the streaming script; on a live page it is a patch.
 *
 * <p>A failure (the work threw, timed out, was cancelled, or the view threw) is logged with an
 * error id and shows the error view: {@link #onError}'s, else the nearest error boundary's of the
 * level it is in, else a short notice with the error id. The view is handed a
 * {@link DeferredFailedException}, which carries the id and nothing internal in its message.
 *
 * <pre>{@code
 * ctx.await(ctx.data(PRODUCT).reviews(), reviews -> ul(...), () -> p(text("Loading reviews…")))
 *         .onError(error -> p(text("Reviews are unavailable.")))
 * }</pre>
 */
public final class Await<T> implements Control {
    private static final Logger LOG = LoggerFactory.getLogger(Await.class);

    private final Deferred<T> deferred;
    private final Function<? super T, ? extends Node> view;
    private final Supplier<? extends Node> fallback;
    private final Level.ErrorView errorView;

    Await(Deferred<T> deferred, Function<? super T, ? extends Node> view, Supplier<? extends Node> fallback, Level.ErrorView errorView) {
        this.deferred = Objects.requireNonNull(deferred, "deferred");
        this.view = Objects.requireNonNull(view, "view");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.errorView = Objects.requireNonNull(errorView, "errorView");
    }

    /** This await, showing {@code view} in its place if the value fails. */
    public Await<T> onError(Level.ErrorView view) {
        return new Await<>(deferred, this.view, fallback, view);
    }

    @Override
    public void render(RenderTarget target) {
        // Outside the boundary: its content may render more than once.
        Resource<T> value = Reactive.resource(deferred::result);
        new Suspense(fallback, () -> content(value)).render(target);
    }

    private Node content(Resource<T> value) {
        return switch (value.state()) {
            case UNRESOLVED, PENDING -> throw new SuspendedException(() -> value.state() != Resource.State.PENDING);
            case ERRORED -> failed(value.error());
            case READY, REFRESHING -> new ErrorBoundary(() -> view.apply(value.get()), (error, retry) -> failed(error), 0);
        };
    }

    private Node failed(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        String errorId = UUID.randomUUID().toString();
        String what = cause instanceof java.util.concurrent.TimeoutException ? "was still pending at its deadline"
                : cause instanceof CancellationException ? "was cancelled" : "failed";
        // The name is the application's own (a constant in its loader), not a peer's text.
        LOG.error("deferred {} {} (error id {})", deferred.name(), what, errorId, cause);
        return errorView.render(new DeferredFailedException(deferred.name(), errorId, cause));
    }
}
