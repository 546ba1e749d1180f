package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 503: the connection dropped while the request was in flight; every pending request and
 * stream of that connection fails with it. Wire name {@code TransportLostError}.
 *
 * <pre>{@code
 * pending.forEach(call -> call.fail(new TransportLostException("connection closed")));
 * }</pre>
 */
public final class TransportLostException extends NetronException {

    /** The wire name. */
    public static final String NAME = "TransportLostError";

    private static final long serialVersionUID = 1L;

    TransportLostException(ErrorData data) {
        super(data);
    }

    /** The error for a lost connection. */
    public TransportLostException(String message) {
        super(NAME, 503, message, Map.of(), null, null);
    }
}
