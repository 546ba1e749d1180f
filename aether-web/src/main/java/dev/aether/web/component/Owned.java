package dev.aether.web.component;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.web.html.Node;
import dev.aether.web.html.RenderTarget;
import java.util.function.Function;
import java.util.function.Supplier;

/** Renders a part under its own reactive owner (a root disposed with the enclosing owner) and scope. */
final class Owned {
    private Owned() {
    }

    static void render(RenderTarget target, Scope scope, Supplier<? extends Node> body) {
        Disposable[] handle = {null};
        boolean ok = false;
        try {
            Reactive.createRoot(dispose -> {
                handle[0] = dispose;
                return Scope.run(scope, () -> {
                    target.render(body.get());
                    for (Supplier<Runnable> mount : scope.mounts()) {
                        target.onMount(mount);     // in this owner, so the mount's cleanup goes with it
                    }
                    return null;
                });
            });
            ok = true;
        } finally {
            if (handle[0] != null) {
                if (ok && Reactive.hasOwner()) {
                    Reactive.onCleanup(handle[0]::dispose);   // disposed with the enclosing owner
                } else if (!ok) {
                    handle[0].dispose();                      // a failed part is gone at once
                }
            }
        }
    }

    /**
     * A region: markers around the part {@code body} makes of what {@code choose} yields, under its
     * own owner and a child of the scope current now (a live target may render it again later,
     * when no scope is current).
     */
    static <K> void region(RenderTarget target, String kind, String scopeName, Supplier<? extends K> choose,
                           Function<? super K, ? extends Node> body) {
        Scope parent = Scope.current();
        target.region(kind, choose, (t, chosen) -> Scope.run(parent, () -> {
            render(t, Scope.child(scopeName), () -> body.apply(chosen));
            return null;
        }));
    }
}
