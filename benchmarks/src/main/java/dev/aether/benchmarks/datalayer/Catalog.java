package dev.aether.benchmarks.datalayer;

import dev.aether.netron.protocol.Service;

/** The contract the data-layer benchmarks call. */
@Service("catalog@1.0.0")
public interface Catalog {
    /** An item of the catalog. */
    record Item(long id, String name, int stock) {
    }

    Item item(long id);

    /** Held by the server until the probe releases it; counts calls. */
    Item heldItem(long id);
}
