package dev.aether.netron.client.call;

import dev.aether.netron.protocol.http.CacheHints;

/**
 * What a cache sends along with a fetch so a transport can use HTTP validators: the cached
 * entry's ETag to send as {@code If-None-Match}, the cached value to answer with when the server
 * says 304 Not Modified, and slots for the ETag and the cache hints ({@code hints.cache}) the
 * server answered with. A transport that has
 * no validators (WebSocket, in process, a batch) ignores it, and the fetch is a plain one.
 *
 * <pre>{@code
 * Revalidation revalidation = new Revalidation(entry.etag(), entry.value());
 * chain.proceed(call.withRevalidation(revalidation)).thenAccept(value ->
 *         store(value, revalidation.etag(), revalidation.notModified()));
 * }</pre>
 *
 * <p>One per fetch; the transport writes it before completing the fetch's future, so whoever
 * reads it after that future completed sees what was written.
 */
public final class Revalidation {
    private final String ifNoneMatch;
    private final Object cachedValue;
    private volatile String etag;
    private volatile boolean notModified;
    private volatile CacheHints hints;

    /**
     * @param ifNoneMatch the cached entry's ETag, or null when there is none (the fetch then only
     *                    collects the answer's ETag)
     * @param cachedValue what a 304 answers with
     */
    public Revalidation(String ifNoneMatch, Object cachedValue) {
        this.ifNoneMatch = ifNoneMatch;
        this.cachedValue = cachedValue;
    }

    /** The ETag to send as {@code If-None-Match}, or null. */
    public String ifNoneMatch() {
        return ifNoneMatch;
    }

    /** For the transport: the server answered with a result and this ETag. */
    public void answered(String etag) {
        this.etag = etag;
    }

    /** For the transport: the server answered with a result, this ETag and these cache hints (either may be null). */
    public void answered(String etag, CacheHints hints) {
        this.etag = etag;
        this.hints = hints;
    }

    /** For the transport: the server answered 304; returns the cached value to complete the fetch with. */
    public Object notModified(String etag) {
        this.etag = etag != null ? etag : ifNoneMatch;
        this.notModified = true;
        return cachedValue;
    }

    /** The ETag of the answer (new, or confirmed by a 304), or null when the server sent none. */
    public String etag() {
        return etag;
    }

    /** The answer's {@code hints.cache}, or null when it carried none (or was a 304, which has no body). */
    public CacheHints hints() {
        return hints;
    }

    /** Whether the server answered 304, so the fetch's value is the cached one. */
    public boolean notModified() {
        return notModified;
    }
}
