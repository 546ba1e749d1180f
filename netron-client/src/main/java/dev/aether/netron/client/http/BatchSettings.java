package dev.aether.netron.client.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link HttpTransport} gathers calls into {@code POST /netron/batch} requests: the calls
 * made within {@code window} of the first one go together, at most {@code maxCalls} to a batch.
 * With {@code streaming}, the server is asked for each result as soon as it is ready (NDJSON,
 * a Titan's extension), so a slow call holds back no other; without it, results come in the
 * reference's single JSON answer once every call is done (what a TypeScript Titan sends).
 *
 * <pre>{@code
 * HttpTransport transport = new HttpTransport(URI.create("http://localhost:8080"), null, BatchSettings.DEFAULTS);
 * HttpTransport slowest = new HttpTransport(uri, null, new BatchSettings(Duration.ofMillis(5), 20, false));
 * }</pre>
 *
 * @param window    how long the first call of a batch waits for others (10 ms, as the reference)
 * @param maxCalls  the most calls in one batch (10, as the reference); a full batch goes at once
 * @param streaming whether to ask for per-call results as they complete ({@code Accept: application/x-ndjson})
 */
public record BatchSettings(Duration window, int maxCalls, boolean streaming) {
    /** 10 ms, 10 calls, streamed. */
    public static final BatchSettings DEFAULTS = new BatchSettings(Duration.ofMillis(10), 10, true);

    public BatchSettings {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window cannot be negative, got " + window);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maxCalls must be at least 1, got " + maxCalls);
        }
    }
}
