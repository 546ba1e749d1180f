package dev.aether.web.component;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveContext;
import dev.aether.reactive.Signal;
import dev.aether.web.html.Node;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * A component loaded on first use. Keep one instance (a constant): it loads once and is shared by
 * every render and thread. While loading, rendering it suspends (inside a Suspense boundary).
 */
public final class Lazy<P> implements Component<P> {
    private final Supplier<? extends CompletionStage<? extends Component<P>>> loader;
    private volatile CompletableFuture<? extends Component<P>> loading;

    Lazy(Supplier<? extends CompletionStage<? extends Component<P>>> loader) {
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    @Override
    public Node render(P props) {
        CompletableFuture<? extends Component<P>> f = start();
        if (!f.isDone()) {
            // A signal of this context, so a live page's boundary re-renders when the load completes.
            ReactiveContext context = ReactiveContext.current();
            Signal<Boolean> loaded = Reactive.signal(false);
            f.whenComplete((component, error) -> {
                try {
                    context.post(() -> loaded.set(true));
                } catch (RejectedExecutionException closed) {
                    // the page is gone
                }
            });
            throw new SuspendedException(() -> loaded.get() || f.isDone());
        }
        try {
            return f.join().render(props);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private CompletableFuture<? extends Component<P>> start() {
        CompletableFuture<? extends Component<P>> f = loading;
        if (f == null) {
            synchronized (this) {
                if (loading == null) {
                    loading = loader.get().toCompletableFuture();
                }
                f = loading;
            }
        }
        return f;
    }
}
