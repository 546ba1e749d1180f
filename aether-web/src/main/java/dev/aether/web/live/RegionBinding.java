package dev.aether.web.live;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.web.html.RenderTarget;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The effect behind a region (show, when, switch, dynamic, error boundary): only {@code choose}
 * is tracked. When it yields a value not equal to the last one, the old content's owner is
 * disposed and the new content is rendered under a fresh one and sent as one replace patch.
 */
final class RegionBinding<K> extends Binding {
    private final PatchSink sink;
    private final LiveRenderer.PartRenderer parts;
    private final String region;
    private final Supplier<? extends K> choose;
    private final BiConsumer<RenderTarget, ? super K> part;
    private LiveRenderer building;   // the renderer of the page being built, for the first run only
    private K chosen;
    private Disposable content;

    RegionBinding(PatchSink sink, LiveRenderer.PartRenderer parts, String region, Supplier<? extends K> choose, BiConsumer<RenderTarget, ? super K> part,
                  LiveRenderer building) {
        this.sink = sink;
        this.parts = parts;
        this.region = region;
        this.choose = choose;
        this.part = part;
        this.building = building;
    }

    @Override
    void update(boolean first) {
        K next = choose.get();
        if (!first && Objects.equals(next, chosen)) {
            return;
        }
        chosen = next;
        Reactive.untrack(() -> {
            dispose();
            if (first) {
                LiveRenderer into = building;
                building = null;
                content = LiveRenderer.renderRoot(() -> part.accept(into, next));
            } else {
                LiveRenderer.Rendered r = parts.render(t -> part.accept(t, next));
                content = r.root();
                sink.emit(new Patch.Replace(region, r.html()));
            }
            return null;
        });
    }

    void dispose() {
        Disposable c = content;
        content = null;
        if (c != null) {
            c.dispose();
        }
    }
}
