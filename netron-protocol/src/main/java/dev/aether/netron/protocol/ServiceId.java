package dev.aether.netron.protocol;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A service name with an optional version, as written in {@link Service} and in calls:
 * {@code "users@1.2.0"} or just {@code "users"} (meaning the highest version available).
 *
 * <pre>{@code
 * ServiceId id = ServiceId.parse("users@1.2.0");
 * id.name();       // "users"
 * id.version();    // "1.2.0"
 * id.toString();   // "users@1.2.0"
 * }</pre>
 */
public record ServiceId(String name, String version) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9]+(\\.[a-zA-Z0-9]+)*");
    private static final Pattern SEMVER = Pattern.compile(
            "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?");

    public ServiceId {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid service name '" + name
                    + "': use letters and digits, optionally in dot-separated parts (e.g. users or billing.invoices)");
        }
        if (version != null && !SEMVER.matcher(version).matches()) {
            throw new IllegalArgumentException("invalid version '" + version + "' of service '" + name
                    + "': use semantic versioning, e.g. 1.0.0");
        }
    }

    /** Parses {@code name} or {@code name@version}. */
    public static ServiceId parse(String text) {
        Objects.requireNonNull(text, "text");
        int at = text.indexOf('@');
        return at < 0 ? new ServiceId(text, null) : new ServiceId(text.substring(0, at), text.substring(at + 1));
    }

    /** Whether {@code type} (or a class or interface above it) carries {@code @Service}. */
    public static boolean isDeclaredOn(Class<?> type) {
        return findAnnotation(type) != null;
    }

    /** The id declared by {@code @Service} on {@code type} or, failing that, on the interfaces it implements. */
    public static ServiceId of(Class<?> type) {
        Service service = findAnnotation(type);
        if (service == null) {
            throw new IllegalArgumentException(type.getName() + " has no @Service(\"name@version\"): annotate the"
                    + " service's interface or implementation");
        }
        ServiceId id = parse(service.value());
        if (id.version == null) {
            throw new IllegalArgumentException("@Service(\"" + service.value() + "\") on " + type.getName()
                    + " needs a version: @Service(\"" + service.value() + "@1.0.0\")");
        }
        return id;
    }

    private static Service findAnnotation(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Service own = c.getAnnotation(Service.class);
            if (own != null) {
                return own;
            }
            for (Class<?> contract : c.getInterfaces()) {
                Service declared = findAnnotation(contract);
                if (declared != null) {
                    return declared;
                }
            }
        }
        return null;
    }

    /** Whether a version was given. */
    public boolean hasVersion() {
        return version != null;
    }

    @Override
    public String toString() {
        return version == null ? name : name + "@" + version;
    }
}
