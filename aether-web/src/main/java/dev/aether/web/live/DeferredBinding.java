package dev.aether.web.live;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Effect;
import dev.aether.reactive.Reactive;
import dev.aether.web.component.SuspendedException;
import dev.aether.web.html.Node;
import dev.aether.web.protocol.LiveProtocol;
import dev.aether.web.ssr.ChunkStream;
import java.util.function.BooleanSupplier;

/**
 * The effect behind a Suspense boundary that suspended in a live page: it tracks {@code ready}
 * and, once it holds, renders the content under its own owner: a streamed chunk while the
 * page's response is still open ({@link ChunkStream}), a replace patch after.
 * Content that suspends again waits for its next condition the same way.
 */
final class DeferredBinding implements Runnable {
    private final PatchSink sink;
    private final LiveRenderer.PartRenderer parts;
    private final ChunkStream chunks;
    private final String id;
    private final BooleanSupplier ready;
    private final Node content;
    private final boolean counted;   // whether the page's response waits for this boundary
    private boolean done;
    private Disposable rendered;
    private DeferredBinding again;
    private Effect againEffect;

    DeferredBinding(PatchSink sink, LiveRenderer.PartRenderer parts, ChunkStream chunks, String id, BooleanSupplier ready, Node content, boolean counted) {
        this.sink = sink;
        this.parts = parts;
        this.chunks = chunks;
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
                LiveRenderer.Rendered r = parts.render(t -> t.render(content));
                rendered = r.root();
                if (!chunks.boundaryResolved(id, r.html())) {   // the page's response is over: a patch instead
                    sink.emit(new Patch.Replace(LiveProtocol.Markup.SUSPENSE_MARKER + id, r.html()));
                }
            } catch (SuspendedException e) {
                again = new DeferredBinding(sink, parts, chunks, id, e.ready(), content, counted);
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
                chunks.boundaryAbandoned();   // its region went before it resolved: the response need not wait
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
