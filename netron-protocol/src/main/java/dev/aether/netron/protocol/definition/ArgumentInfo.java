package dev.aether.netron.protocol.definition;

/**
 * One argument of a {@link MethodInfo}: its position and type name.
 *
 * <pre>{@code
 * new ArgumentInfo(0, "String")
 * }</pre>
 */
public record ArgumentInfo(int index, String type) {
}
