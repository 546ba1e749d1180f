package dev.aether.web.ssr;

import dev.aether.reactive.Reactive;
import dev.aether.reactive.ReactiveException;
import dev.aether.reactive.ReactiveContext;
import dev.aether.web.Page;
import dev.aether.web.component.Scope;
import dev.aether.web.component.SuspendedException;
import dev.aether.web.safety.Escape;
import dev.aether.web.html.Node;
import dev.aether.web.protocol.LiveProtocol;
import dev.aether.web.render.HtmlRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Server-side rendering. Everything runs inside one root on the current thread's
 * {@link ReactiveContext}; each dynamic part is evaluated once; the root is disposed when the
 * output is complete (component onCleanup hooks run then).
 *
 * <p>Streaming: the shell (with Suspense fallbacks) is written and flushed first; then, as the
 * boundaries' resources resolve — in whatever order — each resolved part is written as
 * {@code <template data-ae-chunk="ID">…</template><script>$ae("ID")</script>}, and a tiny inline
 * script (sent once, before the first chunk) swaps it into place between the boundary's markers.
 * Waiting for resources needs a thread-confined context (the caller's own thread), which runs
 * the results posted to it while it waits.
 */
public final class Ssr {
    /**
     * The inline swap function streamed chunks call, sent once before the first chunk: finds
     * {@code <!--ae:uID-->…<!--/ae:uID-->} and replaces what is between with the chunk. Kept in
     * the resource {@code swap.js} beside this class, as the runtime is, read once.
     */
    private static final String SWAP_FUNCTION = resource("swap.js");
    static final String SWAP_SCRIPT = swapScript(null);

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private Ssr() {
    }

    /** The complete HTML of {@code node}, Suspense boundaries resolved (waits for them). */
    public static String render(Node node) {
        StringBuilder out = new StringBuilder(8192);   // most pages fit: growing copies the page
        run(null, () -> node, out, new HtmlRenderer("", out), DEFAULT_TIMEOUT);
        return out.toString();
    }

    /** Streams {@code node}: shell first, then resolved Suspense boundaries. */
    public static void stream(Node node, Appendable out) {
        run(null, () -> node, out, DEFAULT_TIMEOUT);
    }

    /** Streams {@code node} as UTF-8, flushing after the shell and after each chunk. */
    public static void stream(Node node, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        run(null, () -> node, writer, DEFAULT_TIMEOUT);
        flush(writer);
    }

    /** The complete document for {@code page}. */
    public static String renderPage(Page page) {
        StringBuilder out = new StringBuilder();
        streamPage(page, out, DEFAULT_TIMEOUT);
        return out.toString();
    }

    /** Streams the document for {@code page}; waits at most {@code timeout} for each resolution. */
    public static void streamPage(Page page, Appendable out, Duration timeout) {
        run(page, page.body(), out, timeout);
    }

    public static void streamPage(Page page, OutputStream out) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        run(page, page.body(), writer, DEFAULT_TIMEOUT);
        flush(writer);
    }

    private static void run(Page page, Supplier<? extends Node> body, Appendable out, Duration timeout) {
        run(page, body, out, new HtmlRenderer(""), timeout);
    }

    /**
     * Renders the shell with {@code shell}, which normally has a buffer of its own: the head of a
     * page is written first but known only after the body, and a caller's {@code out} sees only a
     * complete shell. {@link #render(Node)} passes a renderer writing straight into {@code out}, its
     * own buffer, which saves copying the page; {@code out} then already holds the shell.
     */
    private static void run(Page page, Supplier<? extends Node> body, Appendable out, HtmlRenderer shell, Duration timeout) {
        boolean direct = shell.writesInto(out);
        if (direct && page != null) {
            throw new IllegalArgumentException("a page's head goes before the shell: render it into a buffer of its own");
        }
        ReactiveContext context = ReactiveContext.current();
        Reactive.createRoot(dispose -> {
            try {
                Scope root = Scope.root();
                Head head = page == null ? null : Head.open(page, root);
                Scope.run(root, () -> {
                    shell.render(body.get());
                    return null;
                });
                if (page != null) {
                    write(out, documentStart(page, head));
                }
                if (!direct) {
                    write(out, shell.html());
                }
                write(out, shell.portalsHtml());
                flush(out);
                ChunkStream chunks = new ChunkStream(null);
                PendingBoundaries pending = new PendingBoundaries(context, chunks, timeout);
                pending.addAll(shell.deferred());
                chunks.writeUntilResolved(out, pending);
                if (page != null) {
                    chunks.endPage(out, "");
                } else {
                    chunks.end();
                    flush(out);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReactiveException("interrupted while streaming Suspense boundaries");
            } finally {
                dispose.dispose();
            }
            return null;
        });
    }

    /**
     * The Suspense boundaries of an SSR render still waiting, resolved on the rendering thread:
     * waits (running what is posted to its confined context) until one is ready, then renders the
     * ready ones into the chunk stream; a chunk's own boundaries wait in turn.
     */
    private static final class PendingBoundaries implements ChunkStream.Resolutions {
        private final ReactiveContext context;
        private final ChunkStream chunks;
        private final Duration timeout;
        private final List<HtmlRenderer.Deferred> pending = new ArrayList<>();

        PendingBoundaries(ReactiveContext context, ChunkStream chunks, Duration timeout) {
            this.context = context;
            this.chunks = chunks;
            this.timeout = timeout;
        }

        void addAll(List<HtmlRenderer.Deferred> boundaries) {
            for (HtmlRenderer.Deferred d : boundaries) {
                chunks.boundaryOpened();
                pending.add(d);
            }
        }

        @Override
        public void await(long maxMillis) {
            if (!context.isConfined()) {
                throw new IllegalStateException("streaming Suspense boundaries needs a thread-confined reactive context "
                        + "(render on the request thread, not inside a serial context's task)");
            }
            context.awaitCondition(() -> pending.stream().anyMatch(d -> d.ready().getAsBoolean()), timeout);
            List<HtmlRenderer.Deferred> ready = new ArrayList<>();
            for (Iterator<HtmlRenderer.Deferred> it = pending.iterator(); it.hasNext(); ) {
                HtmlRenderer.Deferred d = it.next();
                if (d.ready().getAsBoolean()) {
                    ready.add(d);
                    it.remove();
                }
            }
            for (HtmlRenderer.Deferred d : ready) {
                HtmlRenderer chunk = new HtmlRenderer(d.id());
                try {
                    chunk.render(d.content());
                } catch (SuspendedException again) {
                    pending.add(new HtmlRenderer.Deferred(d.id(), again.ready(), d.content()));   // still counted
                    continue;
                }
                addAll(chunk.deferred());
                chunks.boundaryResolved(d.id(), chunk.htmlWithPortals());
            }
        }
    }

    /**
     * The document up to and including {@code <body>}: doctype, language, charset, title and meta
     * tags, escaped. Public for the live session, which starts its pages the same way (a package
     * cannot see another's package-private members); applications call {@link #streamPage} or
     * serve pages through {@code AetherWeb}.
     */
    public static String documentStart(Page page, Head head) {
        return documentStart(page, head, "");
    }

    /** As {@link #documentStart(Page, Head)}, the head ending with {@code trustedHeadHtml} (written as it is). */
    public static String documentStart(Page page, Head head, String trustedHeadHtml) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("<!DOCTYPE html><html lang=\"").append(Escape.html(page.lang())).append("\"><head><meta charset=\"utf-8\">");
        sb.append("<title>").append(Escape.html(head.title())).append("</title>");
        for (Map.Entry<String, String> m : head.meta().entrySet()) {
            sb.append("<meta name=\"").append(Escape.html(m.getKey())).append("\" content=\"").append(Escape.html(m.getValue())).append("\">");
        }
        sb.append(trustedHeadHtml).append("</head><body>");
        return sb.toString();
    }

    /** A streamed chunk filling Suspense boundary {@code id} with {@code html}. */
    static String chunk(String id, String html) {
        return chunk(id, html, null);
    }

    /**
     * A streamed chunk whose script carries {@code nonce} (null for none), for a page served with
     * a Content-Security-Policy that allows inline scripts by nonce only.
     */
    static String chunk(String id, String html, String nonce) {
        return "<template " + LiveProtocol.Markup.CHUNK + "=\"" + id + "\">" + html + "</template>"
                + script(nonce, LiveProtocol.Markup.SWAP_FUNCTION + "(" + Escape.scriptString(id) + ")");
    }

    /** {@link #SWAP_SCRIPT} with {@code nonce} (null for none). */
    static String swapScript(String nonce) {
        return script(nonce, SWAP_FUNCTION);
    }

    private static String resource(String name) {
        try (InputStream in = Ssr.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + name + " is missing from aether-web");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String script(String nonce, String code) {
        return nonce == null ? "<script>" + code + "</script>" : "<script nonce=\"" + Escape.html(nonce) + "\">" + code + "</script>";
    }

    private static void write(Appendable out, String s) {
        ChunkStream.write(out, s);
    }

    private static void flush(Appendable out) {
        ChunkStream.flush(out);
    }
}
