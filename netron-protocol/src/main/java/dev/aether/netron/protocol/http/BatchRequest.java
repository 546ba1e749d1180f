package dev.aether.netron.protocol.http;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code POST /netron/batch} body: many calls, each shaped like an {@link InvokeRequest}.
 *
 * <pre>{@code
 * {"id":"batch-2","requests":[{"id":"s1","service":"users","method":"count","input":[]}],
 *  "options":{"parallel":false,"stopOnError":true}}
 * }</pre>
 */
@JsonPropertyOrder({"id", "requests", "context", "options"})
public record BatchRequest(String id, List<InvokeRequest> requests, RequestContext context, Options options) {

    /** Whether items run in parallel (default true). */
    public boolean parallel() {
        return options == null || options.parallel() == null || options.parallel();
    }

    /** Whether processing stops after the first failure (default false). */
    public boolean stopOnError() {
        return options != null && Boolean.TRUE.equals(options.stopOnError());
    }

    /** {@code options}: parallel (default true), stopOnError, maxConcurrency. */
    @JsonPropertyOrder({"parallel", "stopOnError", "maxConcurrency"})
    public record Options(Boolean parallel, Boolean stopOnError, Integer maxConcurrency) {
    }
}
