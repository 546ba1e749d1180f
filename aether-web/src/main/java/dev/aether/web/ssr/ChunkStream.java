package dev.aether.web.ssr;

import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Suspense chunks of one streamed response, in the order their boundaries resolve, and the
 * end of its document. SSR and live pages both stream through it: the shell is written first,
 * then {@link #writeUntilResolved} writes each chunk as it is ready, then {@link #endPage} writes
 * what is left and closes the document. Boundaries count from when they suspend until they resolve
 * or are removed; once the stream has ended it refuses them, and a live page sends a patch instead.
 *
 * <p>Thread domains: boundaries open and resolve on the thread that renders (the request's for
 * SSR, the session's context for a live page); the response is written by the request's thread.
 * The two meet only in this object's monitor.
 *
 * <pre>{@code
 * ChunkStream chunks = new ChunkStream(nonce);
 * out.append(shell);
 * chunks.writeUntilResolved(out, Duration.ofSeconds(30), chunks::awaitChunk);
 * chunks.endPage(out, runtimeTag);
 * }</pre>
 */
public final class ChunkStream {
    /** The end of every streamed document, written here only. */
    static final String DOCUMENT_END = "</body></html>";

    /** How the writer comes to the next resolution: waits for one (live), or makes one (SSR). */
    @FunctionalInterface
    public interface Resolutions {
        /** Returns once a chunk may be ready, or after at most about {@code maxMillis}. */
        void await(long maxMillis) throws InterruptedException;
    }

    private final String nonce;
    private final List<String> ready = new ArrayList<>();
    private int open;
    private boolean ended;
    private boolean swapScriptSent;

    /** A stream whose scripts carry {@code nonce} (null for none), for a page's Content-Security-Policy. */
    public ChunkStream(String nonce) {
        this.nonce = nonce;
    }

    /** A boundary suspended; true when the response will wait for it, false once the stream has ended. */
    public synchronized boolean boundaryOpened() {
        if (ended) {
            return false;
        }
        open++;
        return true;
    }

    /** A boundary the response waits for went away without resolving. */
    public synchronized void boundaryAbandoned() {
        if (!ended) {
            open--;
            notifyAll();
        }
    }

    /**
     * Boundary {@code id} resolved to {@code html}: queues its chunk (the swap script before the
     * first). False once the stream has ended: the caller delivers the content otherwise.
     */
    public synchronized boolean boundaryResolved(String id, String html) {
        if (ended) {
            return false;
        }
        String prefix = swapScriptSent ? "" : Ssr.swapScript(nonce);
        swapScriptSent = true;
        ready.add(prefix + Ssr.chunk(id, html, nonce));
        open--;
        notifyAll();
        return true;
    }

    /** Boundaries the response still waits for. */
    public synchronized int openBoundaries() {
        return open;
    }

    /** Waits at most {@code maxMillis} for a chunk to be ready or for no boundary to be open. */
    public synchronized void awaitChunk(long maxMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        while (ready.isEmpty() && open > 0) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return;
            }
            wait(left);
        }
    }

    /** Writes chunks as they are ready, flushing after each, until no boundary is open. */
    public void writeUntilResolved(Appendable out, Resolutions resolutions) throws InterruptedException {
        writeUntil(out, Long.MAX_VALUE, resolutions);
    }

    /** The same, giving up after {@code limit}: boundaries still open are then left to {@link #endPage}'s caller. */
    public void writeUntilResolved(Appendable out, Duration limit, Resolutions resolutions) throws InterruptedException {
        writeUntil(out, System.currentTimeMillis() + limit.toMillis(), resolutions);
    }

    private void writeUntil(Appendable out, long deadline, Resolutions resolutions) throws InterruptedException {
        while (true) {
            List<String> chunks;
            boolean waiting;
            synchronized (this) {   // one step: once nothing is open, every chunk has been taken
                chunks = take();
                waiting = open > 0;
            }
            for (String chunk : chunks) {
                write(out, chunk);
                flush(out);
            }
            long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.currentTimeMillis();
            if (!waiting || left <= 0) {
                return;
            }
            resolutions.await(Math.max(1, left));
        }
    }

    /**
     * Ends the stream (later resolutions are refused) and returns the chunks not written yet: for
     * a fragment, which has no document to end.
     */
    public synchronized List<String> end() {
        ended = true;
        return take();
    }

    /** Ends the stream and the document: the chunks not written yet, {@code tail} (the runtime's tag, or ""), the closing tags. */
    public void endPage(Appendable out, String tail) {
        for (String chunk : end()) {
            write(out, chunk);
        }
        write(out, tail);
        write(out, DOCUMENT_END);
        flush(out);
    }

    private synchronized List<String> take() {
        if (ready.isEmpty()) {
            return List.of();
        }
        List<String> chunks = new ArrayList<>(ready);
        ready.clear();
        return chunks;
    }

    static void write(Appendable out, String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void flush(Appendable out) {
        if (out instanceof Flushable f) {
            try {
                f.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
