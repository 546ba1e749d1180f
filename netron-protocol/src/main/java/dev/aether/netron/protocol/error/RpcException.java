package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RPC-level failure: 408 timeout, 400 invalid request, 500 invalid response. Wire name {@code RpcError}.
 *
 * <pre>{@code
 * throw RpcException.timeout("users@1.0.0.get timed out after 5000 ms");
 * }</pre>
 */
public final class RpcException extends NetronException {

    /** The wire name. */
    public static final String NAME = "RpcError";

    private static final long serialVersionUID = 1L;

    RpcException(ErrorData data) {
        super(data);
    }

    /** An RPC error with an explicit code. */
    public RpcException(int code, String message) {
        super(NAME, code, message, Map.of(), null, null);
    }

    /** 408: no response within the request timeout. */
    public static RpcException timeout(String message) {
        return new RpcException(408, message);
    }

    /** 400: the request is malformed (bad target, bad member name, ...). */
    public static RpcException invalidRequest(String message) {
        return new RpcException(400, message);
    }

    /** 500: the response could not be understood. */
    public static RpcException invalidResponse(String message) {
        return new RpcException(500, message);
    }
}
