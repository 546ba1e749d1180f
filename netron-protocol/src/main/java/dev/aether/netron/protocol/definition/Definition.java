package dev.aether.netron.protocol.definition;

import java.util.Objects;

/**
 * A service definition as a peer publishes it (MessagePack ext 109): a UUIDv7 id, the parent
 * definition's id ({@code ""} for a top-level service), the owning peer's id and the metadata
 * that lists the public methods and properties.
 *
 * <pre>{@code
 * Definition def = new Definition(uuid7, "", serverPeerId,
 *         new ServiceMetadata("users", "1.0.0", Map.of(), Map.of("get", new MethodInfo("Promise", List.of()))));
 * }</pre>
 */
public record Definition(String id, String parentId, String peerId, ServiceMetadata meta) {
    public Definition {
        Objects.requireNonNull(meta, "meta");
    }
}
