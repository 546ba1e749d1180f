package dev.aether.netron.protocol.definition;

/**
 * A public property of a service: its type name and whether SET is refused.
 *
 * <pre>{@code
 * new PropertyInfo("Number", true)
 * }</pre>
 */
public record PropertyInfo(String type, boolean readonly) {
}
