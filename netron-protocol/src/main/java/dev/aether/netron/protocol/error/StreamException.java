package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stream failure: 410 closed (or inactive), 500 error, 429 backpressure (too many buffered
 * chunks). Wire name {@code StreamError}.
 *
 * <pre>{@code
 * throw StreamException.closed("stream 7 timed out after 60 s of inactivity");
 * }</pre>
 */
public final class StreamException extends NetronException {

    /** The wire name. */
    public static final String NAME = "StreamError";

    private static final long serialVersionUID = 1L;

    StreamException(ErrorData data) {
        super(data);
    }

    /** A stream error with an explicit code. */
    public StreamException(int code, String message) {
        super(NAME, code, message, Map.of(), null, null);
    }

    /** 410: the stream is closed or timed out. */
    public static StreamException closed(String message) {
        return new StreamException(410, message);
    }

    /** 500: the stream failed. */
    public static StreamException error(String message) {
        return new StreamException(500, message);
    }

    /** 429: the receiver buffers too many out-of-order chunks. */
    public static StreamException backpressure(String message) {
        return new StreamException(429, message);
    }
}
