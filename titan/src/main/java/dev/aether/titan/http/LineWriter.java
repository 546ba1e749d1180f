package dev.aether.titan.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.util.Callback;

/**
 * A response sent as lines of text, each flushed to the client as soon as it is written (the
 * chunked encoding carries them), made by {@link Exchange#sendLines}. Writes block the calling
 * virtual thread until Jetty has taken the bytes, so a slow reader slows the writer instead of
 * growing a buffer. Not thread-safe: one writer writes.
 *
 * <pre>{@code
 * try (LineWriter lines = exchange.sendLines(200, "application/x-ndjson")) {
 *     lines.write("{\"id\":\"1\",\"success\":true}");
 * }
 * }</pre>
 */
final class LineWriter implements AutoCloseable {
    private final OutputStream out;
    private final Callback done;
    private boolean failed;

    LineWriter(OutputStream out, Callback done) {
        this.out = out;
        this.done = done;
    }

    /** Writes {@code line} and a newline, and flushes them. */
    void write(String line) throws IOException {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            failed = true;
            done.failed(e);
            throw e;
        }
    }

    /** Ends the response (unless a write failed, which already ended it). */
    @Override
    public void close() throws IOException {
        if (failed) {
            return;
        }
        try {
            out.close();
            done.succeeded();
        } catch (IOException e) {
            done.failed(e);
            throw e;
        }
    }
}
