package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Our extension of {@code POST /netron/batch}: a request that accepts {@value #MEDIA_TYPE} gets
 * its results as newline-delimited JSON, one {@link InvokeResponse} line per item <em>as soon as
 * that item completes</em> (so one slow item holds back no other), then one {@link End} line with
 * the batch's totals. Without that {@code Accept} the answer is the reference's single
 * {@link BatchResponse} in request order, as the TypeScript client expects.
 *
 * <pre>{@code
 * POST /netron/batch   Accept: application/x-ndjson
 * {"id":"2","success":true,"data":"fast"}
 * {"id":"1","success":true,"data":"slow"}
 * {"id":"b-1","hints":{"successCount":2,"failureCount":0,"totalTime":2003}}
 * }</pre>
 */
public final class BatchLines {
    /** The media type that asks for (and labels) per-item lines. */
    public static final String MEDIA_TYPE = "application/x-ndjson";

    /**
     * On a failed item's line: the error's type name (what {@code X-Netron-Error} says for a
     * single invoke), so the client rebuilds the same exception class.
     */
    public static final String ERROR_NAME = "errorName";

    private BatchLines() {
    }

    /** Whether an {@code Accept} header asks for per-item lines. */
    public static boolean accepts(String accept) {
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(MEDIA_TYPE);
    }

    /**
     * The last line: the batch's id and totals; item lines carry {@code success}, this one does not.
     *
     * @param id    the batch request's id
     * @param hints counts and total time, as in {@link BatchResponse}
     */
    @JsonPropertyOrder({"id", "hints"})
    public record End(String id, BatchResponse.Hints hints) {
    }
}
