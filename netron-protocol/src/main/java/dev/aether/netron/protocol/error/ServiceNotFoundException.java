package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 404: no service with that name (or name@version) is exposed. Wire name {@code ServiceNotFoundError}.
 *
 * <pre>{@code
 * throw new ServiceNotFoundException("users@1.0.0");   // "Service not found: users@1.0.0"
 * }</pre>
 */
public final class ServiceNotFoundException extends NetronException {

    /** The wire name. */
    public static final String NAME = "ServiceNotFoundError";

    private static final long serialVersionUID = 1L;

    ServiceNotFoundException(ErrorData data) {
        super(data);
    }

    /** The error for a missing service, carrying {@code serviceId} as the reference does. */
    public ServiceNotFoundException(String serviceId) {
        super(NAME, 404, "Service not found: " + serviceId, Map.of(), null, Map.of("serviceId", serviceId));
    }

    /** The service name or definition id that was not found. */
    public String serviceId() {
        return extraString("serviceId");
    }
}
