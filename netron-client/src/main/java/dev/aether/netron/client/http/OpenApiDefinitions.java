package dev.aether.netron.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.ServiceId;
import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.definition.MethodInfo;
import dev.aether.netron.protocol.definition.ServiceMetadata;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A service's definition read from the OpenAPI document the TypeScript reference serves at
 * {@code GET /openapi.json}: its only way of describing services over HTTP. The reference lists
 * every method as the path {@code /rpc/<service>/<method>}, once under {@code name@version} and
 * once under the bare {@code name}. A definition built from it names the methods only: no
 * argument or return types, no properties, no definition id (HTTP calls go by service name).
 *
 * <pre>{@code
 * Definition calculator = OpenApiDefinitions.find(NetronJson.parse(body), "calculator");
 * calculator.meta().methods().keySet();   // [add, subtract]
 * }</pre>
 */
final class OpenApiDefinitions {
    /** Where the reference serves the document (it needs a valid bearer token). */
    static final String PATH = "openapi.json";

    private static final String RPC_PREFIX = "/rpc/";
    private static final Comparator<String> BY_VERSION = Comparator
            .comparing((String v) -> core(v)[0]).thenComparing(v -> core(v)[1]).thenComparing(v -> core(v)[2])
            .thenComparing(v -> !v.contains("-")); // 1.0.0-beta < 1.0.0

    private OpenApiDefinitions() {
    }

    /**
     * The definition of {@code service} ({@code name@version}, or a bare name for the highest
     * version) in {@code spec}; 404 when the document does not list it.
     */
    static Definition find(JsonNode spec, String service) {
        Map<String, Set<String>> methodsByService = methodsByService(spec.path("paths"));
        ServiceId wanted = ServiceId.parse(service);
        Optional<String> version = wanted.hasVersion() ? Optional.of(wanted.version())
                : highestVersion(methodsByService.keySet(), wanted.name());
        Set<String> methods = methodsByService.get(service);
        if (methods == null && version.isPresent()) {
            methods = methodsByService.get(wanted.name() + "@" + version.get());
        }
        if (methods == null) {
            throw new ServiceNotFoundException(service);
        }
        Map<String, MethodInfo> infos = new LinkedHashMap<>();
        methods.forEach(method -> infos.put(method, new MethodInfo(null, List.of())));
        return new Definition(null, "", null, new ServiceMetadata(wanted.name(), version.orElse(null), Map.of(), infos));
    }

    private static Map<String, Set<String>> methodsByService(JsonNode paths) {
        Map<String, Set<String>> methods = new LinkedHashMap<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String path = it.next();
            int slash = path.lastIndexOf('/');
            if (path.startsWith(RPC_PREFIX) && slash > RPC_PREFIX.length() && slash < path.length() - 1) {
                methods.computeIfAbsent(path.substring(RPC_PREFIX.length(), slash), s -> new LinkedHashSet<>())
                        .add(path.substring(slash + 1));
            }
        }
        return methods;
    }

    private static Optional<String> highestVersion(Set<String> services, String name) {
        return services.stream()
                .filter(s -> s.startsWith(name + "@"))
                .map(s -> s.substring(name.length() + 1))
                .filter(OpenApiDefinitions::isVersion)
                .max(BY_VERSION);
    }

    private static boolean isVersion(String version) {
        try {
            new ServiceId("x", version);
            core(version); // numbers beyond a long are no version we can order
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    // major, minor, patch of a version ServiceId accepted
    private static long[] core(String version) {
        String[] parts = version.split("[-+]", 2)[0].split("\\.");
        return new long[] {Long.parseLong(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2])};
    }
}
