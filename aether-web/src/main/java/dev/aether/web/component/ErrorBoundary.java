package dev.aether.web.component;

import dev.aether.web.html.Control;
import dev.aether.web.html.Node;
import dev.aether.web.html.RenderTarget;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Renders {@code children}; if they throw, drops their partial output and renders
 * {@code fallback(error, retry)} instead. Calling {@code retry} renders the children again: while
 * the fallback is being built (at most {@code maxRetries} times in one render), or — in a live
 * session, later — from an event handler.
 */
public record ErrorBoundary(Supplier<? extends Node> children, BiFunction<? super Throwable, Runnable, ? extends Node> fallback,
                            int maxRetries) implements Control {
    public ErrorBoundary {
        Objects.requireNonNull(children, "children");
        Objects.requireNonNull(fallback, "fallback");
    }

    @Override
    public void render(RenderTarget target) {
        String id = target.nextId();
        target.openMarker("b", id, null);
        RenderTarget.Mark mark = target.mark();
        for (int attempt = 0; ; attempt++) {
            try {
                Owned.render(target, Scope.boundary("ErrorBoundary"), children);
                break;
            } catch (SuspendedException e) {
                throw e;
            } catch (RuntimeException e) {
                target.rollback(mark);
                boolean[] retry = {false};
                Node shown = fallback.apply(e, () -> retry[0] = true);
                if (retry[0] && attempt < maxRetries) {
                    continue;
                }
                Owned.render(target, Scope.child("ErrorFallback"), () -> shown);
                break;
            }
        }
        target.closeMarker("b", id);
    }
}
