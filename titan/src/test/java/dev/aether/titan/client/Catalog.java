package dev.aether.titan.client;

import dev.aether.netron.protocol.Service;

/** A contract with a {@code @Cacheable} read, for the client's cache against a real Titan; {@link CatalogService} counts the calls. */
@Service("catalog@1.0.0")
public interface Catalog {
    /** {@code @Cacheable(maxAge = 60 s, tags = "users")}: answers how many calls of it reached the service. */
    int users();
}
