package dev.aether.titan.call;

import java.util.List;

/**
 * The arguments of a call as they arrived: decoded wire values (MessagePack or JSON trees) that
 * still need converting to the parameter types, or Java objects from an in-process caller.
 */
public record Arguments(List<?> values, boolean javaObjects) {
    public Arguments {
        values = values == null ? List.of() : values;
    }

    /** Values decoded from MessagePack or JSON. */
    public static Arguments wire(List<?> values) {
        return new Arguments(values, false);
    }

    /** Java objects passed in process; converted only when a type does not match. */
    public static Arguments java(List<?> values) {
        return new Arguments(values, true);
    }
}
