package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transport failure: 503 (unavailable) or 408 (timed out). Wire name {@code TransportError}.
 *
 * <pre>{@code
 * throw TransportException.timeout("connect timed out after 5000 ms");
 * }</pre>
 */
public final class TransportException extends NetronException {

    /** The wire name. */
    public static final String NAME = "TransportError";

    private static final long serialVersionUID = 1L;

    TransportException(ErrorData data) {
        super(data);
    }

    /** A transport error with an explicit code (503 or 408). */
    public TransportException(int code, String message) {
        super(NAME, code, message, Map.of(), null, null);
    }

    /** 503: the peer cannot be reached. */
    public static TransportException unavailable(String message) {
        return new TransportException(503, message);
    }

    /** 408: the transport timed out. */
    public static TransportException timeout(String message) {
        return new TransportException(408, message);
    }
}
