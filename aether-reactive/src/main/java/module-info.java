/**
 * Aether's fine-grained reactive core: signals, computeds, effects, resources, stores. No
 * dependencies. Start at {@link dev.aether.reactive.Reactive}.
 */
module dev.aether.reactive {
    exports dev.aether.reactive;
    exports dev.aether.reactive.store;
}
