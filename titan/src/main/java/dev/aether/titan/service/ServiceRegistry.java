package dev.aether.titan.service;

import dev.aether.netron.protocol.ServiceId;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.regex.Pattern;

/**
 * The services a Titan serves, by name and version. Several versions of one service are served
 * side by side; a bare name resolves to the highest. Thread-safe.
 */
public final class ServiceRegistry {
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern TARGET = Pattern.compile("[\\w-]+(@[\\w.-]+)?");

    private final Map<String, NavigableMap<SemVer, ServiceModel>> byName = new ConcurrentHashMap<>();
    private final Map<String, ServiceModel> byDefinitionId = new ConcurrentHashMap<>();

    /** Adds a service; a second instance for the same name and version is an error. */
    public void register(ServiceModel model) {
        NavigableMap<SemVer, ServiceModel> versions = byName.computeIfAbsent(model.id().name(), n -> new ConcurrentSkipListMap<>());
        ServiceModel existing = versions.putIfAbsent(model.version(), model);
        if (existing != null) {
            throw new IllegalArgumentException("service " + model.id() + " is registered twice: "
                    + existing.instance().getClass().getName() + " and " + model.instance().getClass().getName());
        }
        byDefinitionId.put(model.definitionId(), model);
    }

    /**
     * The service a call names: a definition id, {@code name@version}, or a bare {@code name}
     * (highest version).
     *
     * @throws ServiceNotFoundException (404) when there is none
     * @throws dev.aether.netron.protocol.error.RpcException (400) for a malformed target
     */
    public ServiceModel resolve(String target) {
        if (target == null || target.isEmpty()) {
            throw dev.aether.netron.protocol.error.RpcException.invalidRequest("missing service name");
        }
        if (UUID.matcher(target).matches()) {
            ServiceModel model = byDefinitionId.get(target);
            if (model == null) {
                throw new ServiceNotFoundException(target);
            }
            return model;
        }
        if (!TARGET.matcher(target).matches()) {
            throw dev.aether.netron.protocol.error.RpcException.invalidRequest("invalid service name: " + target);
        }
        ServiceId id;
        try {
            id = ServiceId.parse(target);
        } catch (IllegalArgumentException e) {
            throw new ServiceNotFoundException(target);
        }
        NavigableMap<SemVer, ServiceModel> versions = byName.get(id.name());
        if (versions == null || versions.isEmpty()) {
            throw new ServiceNotFoundException(target);
        }
        ServiceModel model = id.hasVersion() ? versions.get(SemVer.parse(id.version())) : versions.lastEntry().getValue();
        if (model == null) {
            throw new ServiceNotFoundException(target);
        }
        return model;
    }

    /** Every registered service, all versions. */
    public List<ServiceModel> all() {
        List<ServiceModel> all = new ArrayList<>();
        byName.values().forEach(versions -> all.addAll(versions.values()));
        return all;
    }
}
