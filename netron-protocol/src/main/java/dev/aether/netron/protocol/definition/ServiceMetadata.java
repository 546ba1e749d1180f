package dev.aether.netron.protocol.definition;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code meta} part of a {@link Definition}: service name, version, public properties and
 * public methods, in wire order. {@code extensions} keeps keys this type does not model (the
 * reference sends {@code contract}, {@code transports}, ... on exposed services) so that
 * relaying a definition loses nothing.
 *
 * <pre>{@code
 * new ServiceMetadata("users", "1.0.0",
 *         Map.of("maxUsers", new PropertyInfo("Number", true)),
 *         Map.of("getUser", new MethodInfo("Promise", List.of(new ArgumentInfo(0, "Number")))));
 * }</pre>
 */
public record ServiceMetadata(
        String name,
        String version,
        Map<String, PropertyInfo> properties,
        Map<String, MethodInfo> methods,
        Map<String, Object> extensions) {

    public ServiceMetadata {
        properties = frozen(properties);
        methods = frozen(methods);
        extensions = frozen(extensions);
    }

    /** Metadata without extension keys. */
    public ServiceMetadata(String name, String version, Map<String, PropertyInfo> properties,
                           Map<String, MethodInfo> methods) {
        this(name, version, properties, methods, Map.of());
    }

    /** {@code name@version}, the qualified name services answer under. */
    public String qualifiedName() {
        return version == null || version.isEmpty() ? name : name + "@" + version;
    }

    // Insertion order is wire order; values may be null (decoded undefined), so no Map.copyOf.
    private static <V> Map<String, V> frozen(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
