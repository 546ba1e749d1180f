package dev.aether.netron.protocol.error;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 404: the service exists but has no public method of that name. Wire name {@code MethodNotFoundError}.
 *
 * <pre>{@code
 * throw new MethodNotFoundException("users@1.0.0", "deleteAll");  // "Method not found: users@1.0.0.deleteAll"
 * }</pre>
 */
public final class MethodNotFoundException extends NetronException {

    /** The wire name. */
    public static final String NAME = "MethodNotFoundError";

    private static final long serialVersionUID = 1L;

    MethodNotFoundException(ErrorData data) {
        super(data);
    }

    /** The error for a missing method, carrying {@code serviceId} and {@code methodName}. */
    public MethodNotFoundException(String serviceId, String methodName) {
        super(NAME, 404, "Method not found: " + serviceId + "." + methodName, Map.of(), null,
                extras(serviceId, methodName));
    }

    private static Map<String, Object> extras(String serviceId, String methodName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("serviceId", serviceId);
        m.put("methodName", methodName);
        return m;
    }

    /** The service the method was looked up on. */
    public String serviceId() {
        return extraString("serviceId");
    }

    /** The method that was not found. */
    public String methodName() {
        return extraString("methodName");
    }
}
