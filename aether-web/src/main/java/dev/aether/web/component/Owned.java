package dev.aether.web.component;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.web.html.Node;
import dev.aether.web.html.RenderTarget;
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

    /** A region: markers around a part with its own owner. */
    static void region(RenderTarget target, String kind, String scopeName, Supplier<? extends Node> body) {
        String id = target.nextId();
        target.openMarker(kind, id, null);
        render(target, Scope.child(scopeName), body);
        target.closeMarker(kind, id);
    }
}
