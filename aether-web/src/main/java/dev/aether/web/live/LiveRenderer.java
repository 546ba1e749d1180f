package dev.aether.web.live;

import dev.aether.reactive.Disposable;
import dev.aether.reactive.Reactive;
import dev.aether.web.html.Attribute;
import dev.aether.web.html.Element;
import dev.aether.web.safety.Escape;
import dev.aether.web.html.Node;
import dev.aether.web.html.RenderTarget;
import dev.aether.web.protocol.LiveProtocol;
import dev.aether.web.ssr.ChunkStream;
import dev.aether.web.render.HtmlRenderer;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Renders HTML exactly as SSR does, but keeps every dynamic part bound: each one becomes an
 * effect ({@link ValueBinding}, {@link RegionBinding}, {@link ListBinding}, {@link DeferredBinding})
 * that sends a patch to the page's {@link PatchSink} when what it read changes. Ids and handlers go
 * to the page's {@link HandlerTable}, so parts rendered later never collide with the page's. It
 * knows the page only through {@link Shared}; runs on the session's context.
 *
 * <pre>{@code
 * LiveRenderer.Shared page = new LiveRenderer.Shared(handlers, outbox, chunks, csrfToken, new LinkedHashSet<>());
 * LiveRenderer.Rendered part = page.render(t -> t.render(node));   // part.html(), part.root()
 * }</pre>
 */
final class LiveRenderer extends HtmlRenderer {
    private final Shared page;

    LiveRenderer(Shared page) {
        super("");
        this.page = page;
    }

    /**
     * What every renderer of one live page shares, and all the bindings see of it: the ids and
     * handlers, where patches go, the Suspense chunks of the response, the CSRF token for
     * posting forms, and the paths of the runtime parts the page needs.
     */
    record Shared(HandlerTable handlers, PatchSink sink, ChunkStream chunks, String csrfToken, RuntimeParts runtimeParts)
            implements PartRenderer {
        /** Renders {@code part} into a fresh renderer in a new root; returns its HTML (portals at the end) and root. */
        @Override
        public Rendered render(Consumer<RenderTarget> part) {
            LiveRenderer into = new LiveRenderer(this);
            Disposable root = renderRoot(() -> part.accept(into));
            return new Rendered(into.htmlWithPortals(), root);
        }
    }

    /** Renders a part of a live page later: what a region, a list row or a resolved boundary needs. */
    @FunctionalInterface
    interface PartRenderer {
        Rendered render(Consumer<RenderTarget> part);
    }

    /** Runs {@code body} in a new root, untracked; a body that throws leaves nothing behind. */
    static Disposable renderRoot(Runnable body) {
        Disposable[] handle = {null};
        try {
            return Reactive.createRoot(dispose -> {
                handle[0] = dispose;
                body.run();
                return dispose;
            });
        } catch (RuntimeException e) {
            if (handle[0] != null) {
                handle[0].dispose();
            }
            throw e;
        }
    }

    record Rendered(String html, Disposable root) {
    }

    @Override
    public String nextId() {
        return page.handlers().nextId();
    }

    @Override
    protected String text(String id, Supplier<?> value) {
        return (String) bind(id, ValueBinding.Kind.TEXT, null, value);
    }

    @Override
    protected Object attribute(String id, String name, Supplier<?> value) {
        return bind(id, ValueBinding.Kind.ATTRIBUTE, name, value);
    }

    @Override
    protected boolean classIf(String id, String name, Supplier<Boolean> when) {
        return (Boolean) bind(id, ValueBinding.Kind.CLASS, name, when);
    }

    @Override
    protected Object style(String id, String property, Supplier<?> value) {
        return bind(id, ValueBinding.Kind.STYLE, property, value);
    }

    private Object bind(String id, ValueBinding.Kind kind, String name, Supplier<?> source) {
        ValueBinding binding = new ValueBinding(page.sink(), id, kind, name, source);
        Reactive.effect(binding);
        return binding.initial();
    }

    @Override
    protected void event(String id, Attribute.On on) {
        page.handlers().add(id, on.event(), on.handler());
    }

    @Override
    public String formPrologue(Element form) {
        for (int i = 0; i < form.attributeCount(); i++) {
            if (form.attribute(i) instanceof Attribute.Attr attr && attr.name().equals("method") && attr.value() instanceof String m
                    && m.equalsIgnoreCase("post")) {
                return "<input type=\"hidden\" name=\"" + LiveProtocol.Markup.CSRF_FIELD + "\" value=\"" + Escape.html(page.csrfToken()) + "\">";
            }
        }
        return "";
    }

    @Override
    public <K> void region(String kind, Supplier<? extends K> choose, BiConsumer<RenderTarget, ? super K> part) {
        String id = nextId();
        openMarker(kind, id, null);
        RegionBinding<K> binding = new RegionBinding<>(page.sink(), page, kind + id, choose, part, this);
        Reactive.onCleanup(binding::dispose);
        Reactive.effect(binding);
        binding.rethrow();
        closeMarker(kind, id);
    }

    @Override
    public <T> void list(Supplier<? extends Iterable<? extends T>> items, Function<? super T, ?> key,
                         BiConsumer<RenderTarget, ? super T> row) {
        String id = nextId();
        openMarker(LiveProtocol.Markup.LIST_MARKER, id, null);
        ListBinding<T> binding = new ListBinding<>(page.sink(), page, id, items, key, row, this);
        Reactive.onCleanup(binding::dispose);
        Reactive.effect(binding);
        binding.rethrow();
        closeMarker(LiveProtocol.Markup.LIST_MARKER, id);
    }

    @Override
    public void defer(String id, BooleanSupplier ready, Node content) {
        DeferredBinding binding = new DeferredBinding(page.sink(), page, page.chunks(), id, ready, content, page.chunks().boundaryOpened());
        Reactive.onCleanup(binding::dispose);
        Reactive.effect(binding);
    }

    @Override
    public void requireRuntimePart(String path) {
        page.runtimeParts().require(path);
    }

    @Override
    public void requireRuntimePart(String path, String setting) {
        page.runtimeParts().require(path, setting);
    }

    @Override
    public void onMount(Supplier<Runnable> mount) {
        Runnable[] cleanup = {null};
        boolean[] gone = {false};
        Reactive.onCleanup(() -> {
            gone[0] = true;
            if (cleanup[0] != null) {
                cleanup[0].run();
            }
        });
        page.sink().afterInsertion(() -> {
            if (!gone[0]) {
                cleanup[0] = mount.get();
            }
        });
    }
}
