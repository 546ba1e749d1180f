package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 401: no valid credentials. Wire name {@code AuthError}; over HTTP it adds
 * {@code WWW-Authenticate: Bearer}.
 *
 * <pre>{@code
 * throw new AuthException("Token expired");
 * }</pre>
 */
public final class AuthException extends NetronException {

    /** The wire name. */
    public static final String NAME = "AuthError";

    private static final long serialVersionUID = 1L;

    AuthException(ErrorData data) {
        super(data);
    }

    /** An authentication error. */
    public AuthException(String message) {
        super(NAME, 401, message, Map.of(), null, null);
    }

    /** An authentication error with details (for example {@code errorCode}). */
    public AuthException(String message, Map<String, ?> details) {
        super(NAME, 401, message, details, null, null);
    }
}
