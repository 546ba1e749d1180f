package dev.aether.web.safety;

import java.util.Locale;

/**
 * The rule for style values given to {@code style(property, value)}: a value that could end the
 * declaration or load code is dropped (the declaration is left out). Rejected: {@code ; { } < > \},
 * comments, control characters, and — case-insensitively, ignoring whitespace — {@code url(},
 * {@code expression(}, {@code javascript:}, {@code behavior}, {@code -moz-binding}, {@code @import}.
 * Use a class for backgrounds with images.
 */
public final class StylePolicy {
    private StylePolicy() {
    }

    public static boolean isSafe(String value) {
        StringBuilder squashed = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ';' || c == '{' || c == '}' || c == '<' || c == '>' || c == '\\' || (c < 0x20 && c != '\t') || c == 0x7f) {
                return false;
            }
            if (!Character.isWhitespace(c)) {
                squashed.append(c);
            }
        }
        String v = squashed.toString().toLowerCase(Locale.ROOT);
        return !(v.contains("/*") || v.contains("url(") || v.contains("expression(") || v.contains("javascript:")
                || v.contains("behavior") || v.contains("-moz-binding") || v.contains("@import"));
    }
}
