/**
 * Service definitions (MessagePack ext 109), references to them (ext 108) and stream references
 * (ext 107): what {@code query_interface} returns and what a call returns instead of a service
 * or a stream.
 *
 * <pre>{@code
 * Definition def = new Definition(uuid7, "", serverPeerId,
 *         new ServiceMetadata("users", "1.0.0", Map.of(), Map.of("get", new MethodInfo("Promise", List.of()))));
 * }</pre>
 */
package dev.aether.netron.protocol.definition;
