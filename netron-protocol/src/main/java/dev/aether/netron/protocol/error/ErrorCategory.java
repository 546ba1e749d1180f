package dev.aether.netron.protocol.error;

/**
 * What kind of failure an error code stands for, derived from the code alone.
 *
 * <pre>{@code
 * ErrorCategory.of(403)   // AUTH
 * ErrorCategory.of(503)   // SERVER
 * }</pre>
 */
public enum ErrorCategory {
    /** 2xx and 3xx: not a failure (the reference allows such codes). */
    SUCCESS,
    /** 401, 403, 407. */
    AUTH,
    /** 422. */
    VALIDATION,
    /** 429. */
    RATE_LIMIT,
    /** Every other 4xx. */
    CLIENT,
    /** 5xx, 600 (multiple errors), 601 (unknown error) and anything else. */
    SERVER;

    /** The category of a Netron error code. */
    public static ErrorCategory of(int code) {
        return switch (code) {
            case 401, 403, 407 -> AUTH;
            case 422 -> VALIDATION;
            case 429 -> RATE_LIMIT;
            default -> code >= 400 && code < 500 ? CLIENT
                    : code >= 200 && code < 400 ? SUCCESS
                    : SERVER;
        };
    }
}
