package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A business-rule failure with an application-specific {@code details.domainCode}.
 * Wire name {@code DomainError}.
 *
 * <pre>{@code
 * throw new DomainException(409, "INSUFFICIENT_FUNDS", "Balance too low");
 * }</pre>
 */
public final class DomainException extends NetronException {

    /** The wire name. */
    public static final String NAME = "DomainError";

    private static final long serialVersionUID = 1L;

    DomainException(ErrorData data) {
        super(data);
    }

    /** A domain error; {@code domainCode} lands in {@code details.domainCode}. */
    public DomainException(int code, String domainCode, String message) {
        super(NAME, code, message, Map.of("domainCode", domainCode), null, null);
    }

    /** The application-specific code, or null. */
    public String domainCode() {
        return details().get("domainCode") instanceof String s ? s : null;
    }
}
