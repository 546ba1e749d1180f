package dev.aether.web.component;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.Signal;
import dev.aether.web.html.Control;
import dev.aether.web.html.Node;
import dev.aether.web.html.RenderTarget;
import dev.aether.web.protocol.LiveProtocol;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Renders {@code children}; if they throw, drops their partial output and renders
 * {@code fallback(error, retry)} instead. Calling {@code retry} while the fallback is being
 * built renders the children again (at most {@code maxRetries} times in one render). In a live
 * page the boundary also takes the errors its children's effects throw later — the region then
 * shows the fallback — and a {@code retry} called later (a button's {@code on("click", retry)})
 * renders the children again.
 */
public record ErrorBoundary(Supplier<? extends Node> children, BiFunction<? super Throwable, Runnable, ? extends Node> fallback,
                            int maxRetries) implements Control {
    public ErrorBoundary {
        Objects.requireNonNull(children, "children");
        Objects.requireNonNull(fallback, "fallback");
    }

    /** What the region shows: the children (error null) or the fallback for an error; attempt counts retries. */
    private record State(Throwable error, int attempt) {
    }

    @Override
    public void render(RenderTarget target) {
        Signal<State> state = Reactive.signal(new State(null, 0));
        Scope parent = Scope.current();
        target.region(LiveProtocol.Markup.BOUNDARY_MARKER, state::get, (t, s) -> Scope.run(parent, () -> {
            show(t, s, state);
            return null;
        }));
    }

    private void show(RenderTarget target, State s, Signal<State> state) {
        boolean[] building = {false};
        boolean[] again = {false};
        Runnable retry = () -> {
            if (building[0]) {
                again[0] = true;
            } else {
                state.set(new State(null, s.attempt() + 1));
            }
        };
        if (s.error() != null) {
            Owned.render(target, Scope.child("ErrorFallback"), () -> fallback.apply(s.error(), retry));
            return;
        }
        RenderTarget.Mark mark = target.mark();
        for (int attempt = 0; ; attempt++) {
            try {
                Owned.render(target, Scope.boundary("ErrorBoundary"), () -> {
                    Reactive.onError(e -> state.set(new State(e, s.attempt())));   // later errors, in a live page
                    return children.get();
                });
                return;
            } catch (SuspendedException e) {
                throw e;
            } catch (RuntimeException e) {
                target.rollback(mark);
                again[0] = false;
                building[0] = true;
                Node shown;
                try {
                    shown = fallback.apply(e, retry);
                } finally {
                    building[0] = false;
                }
                if (again[0] && attempt < maxRetries) {
                    continue;
                }
                Owned.render(target, Scope.child("ErrorFallback"), () -> shown);
                return;
            }
        }
    }
}
