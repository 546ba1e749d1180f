package dev.aether.netron.protocol.definition;

/**
 * A reference to a service definition by id (MessagePack ext 108): what a call returns when the
 * result is itself a service the caller can then call.
 *
 * <pre>{@code
 * Object result = ...;
 * if (result instanceof Reference ref) callOn(ref.defId());
 * }</pre>
 */
public record Reference(String defId) {
}
