package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 403: authenticated but not allowed. Wire name {@code PermissionError}.
 *
 * <pre>{@code
 * throw new PermissionException("Access denied", Map.of("requiredRole", "admin"));
 * }</pre>
 */
public final class PermissionException extends NetronException {

    /** The wire name. */
    public static final String NAME = "PermissionError";

    private static final long serialVersionUID = 1L;

    PermissionException(ErrorData data) {
        super(data);
    }

    /** A permission error. */
    public PermissionException(String message) {
        super(NAME, 403, message, Map.of(), null, null);
    }

    /** A permission error with details. */
    public PermissionException(String message, Map<String, ?> details) {
        super(NAME, 403, message, details, null, null);
    }
}
