package dev.aether.web.live;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Effect;
import dev.aether.reactive.Reactive;
import dev.aether.web.component.SuspendedException;
import dev.aether.web.html.Node;
import java.util.function.BooleanSupplier;

/**
 * The effect behind a Suspense boundary that suspended in a live page: it tracks {@code ready}
 * and, once it holds, renders the content under its own owner and hands it to the session —
 * as a streamed chunk while the page's response is still open, as a replace patch after.
 * Content that suspends again waits for its next condition the same way.
 */
final class DeferredBinding implements Runnable {
    private final LiveSession session;
    private final String id;
    private final BooleanSupplier ready;
    private final Node content;
    private final boolean counted;   // whether the page's response waits for this boundary
    private boolean done;
    private Disposable rendered;
    private DeferredBinding again;
    private Effect againEffect;

    DeferredBinding(LiveSession session, String id, BooleanSupplier ready, Node content, boolean counted) {
        this.session = session;
        this.id = id;
        this.ready = ready;
        this.content = content;
        this.counted = counted;
    }

    @Override
    public void run() {
        if (done || !ready.getAsBoolean()) {
            return;
        }
        done = true;
        Reactive.untrack(() -> {
            try {
                LiveRenderer.Rendered r = LiveRenderer.renderPart(session, t -> t.render(content));
                rendered = r.root();
                session.boundaryResolved(id, r.html());
            } catch (SuspendedException e) {
                again = new DeferredBinding(session, id, e.ready(), content, counted);
                // A root, not a child of this effect: this effect's next run must not dispose it.
                Reactive.createRoot(d -> againEffect = Reactive.effect(again));
            }
            return null;
        });
    }

    void dispose() {
        if (!done) {
            done = true;
            if (counted) {
                session.boundaryAbandoned();   // its region went before it resolved: the response need not wait
            }
        }
        if (rendered != null) {
            rendered.dispose();
            rendered = null;
        }
        if (again != null) {
            again.dispose();
            againEffect.dispose();
            again = null;
        }
    }
}
