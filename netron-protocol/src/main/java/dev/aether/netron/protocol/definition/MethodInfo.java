package dev.aether.netron.protocol.definition;

import java.util.List;

/**
 * A public method of a service: its return type name and its arguments.
 *
 * <pre>{@code
 * new MethodInfo("Promise", List.of(new ArgumentInfo(0, "Number")))
 * }</pre>
 */
public record MethodInfo(String type, List<ArgumentInfo> arguments) {
    public MethodInfo {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }
}
