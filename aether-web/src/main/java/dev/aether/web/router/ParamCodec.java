package dev.aether.web.router;

import java.util.Locale;

/**
 * Turns one URL value into a record component's value and back. The types a param may have:
 * {@code String}, {@code int}/{@code Integer}, {@code long}/{@code Long},
 * {@code boolean}/{@code Boolean} ({@code true}/{@code false}) and enums (written in lower case,
 * read in any case). A value that does not convert is an {@link IllegalArgumentException}, which
 * the router answers with 404: the URL names nothing.
 */
final class ParamCodec {
    private ParamCodec() {
    }

    static boolean supports(Class<?> type) {
        return type == String.class || type == int.class || type == Integer.class || type == long.class || type == Long.class
                || type == boolean.class || type == Boolean.class || type.isEnum();
    }

    static Object parse(Class<?> type, String text) {
        if (type == String.class) {
            return text;
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(text);   // NumberFormatException is an IllegalArgumentException
        }
        if (type == long.class || type == Long.class) {
            return Long.parseLong(text);
        }
        if (type == boolean.class || type == Boolean.class) {
            return switch (text) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new IllegalArgumentException("not true or false: " + text);
            };
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + text);
        }
        throw new IllegalArgumentException("unsupported param type " + type.getName());
    }

    static String format(Object value) {
        return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }
}
