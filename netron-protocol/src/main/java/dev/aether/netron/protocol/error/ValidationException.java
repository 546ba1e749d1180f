package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 422 (or 400): the input failed validation. Wire name {@code ValidationError}.
 *
 * <pre>{@code
 * throw new ValidationException("email is not valid", Map.of("field", "email"));
 * }</pre>
 */
public final class ValidationException extends NetronException {

    /** The wire name. */
    public static final String NAME = "ValidationError";

    private static final long serialVersionUID = 1L;

    ValidationException(ErrorData data) {
        super(data);
    }

    /** A 422 validation error with details (for example the failing fields). */
    public ValidationException(String message, Map<String, ?> details) {
        super(NAME, 422, message, details, null, null);
    }

    /** A validation error with an explicit code (400 for malformed input, 422 for invalid values). */
    public ValidationException(int code, String message, Map<String, ?> details) {
        super(NAME, code, message, details, null, null);
    }
}
