package dev.aether.web.safety;

/**
 * HTML escaping. Text and attribute values (always double-quoted) escape {@code & < > " '};
 * NUL becomes U+FFFD. Marker keys use {@link #markerKey}.
 */
public final class Escape {
    private Escape() {
    }

    /** Escapes text content and attribute values alike; {@code s} itself when nothing needs escaping. */
    public static String html(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (replacement(s.charAt(i)) != null) {
                StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, i);
                html(s, i, s.length(), out);
                return out.toString();
            }
        }
        return s;
    }

    /** Appends the escaped form of {@code s}. */
    public static void html(String s, StringBuilder out) {
        html(s, 0, s.length(), out);
    }

    /**
     * Appends the escaped form of {@code s.substring(start, end)}, without building that substring
     * or an escaped copy: the runs between characters that need escaping are copied in one go, and
     * a whole string with nothing to escape (the common case) is appended as it is, which copies
     * its bytes at once rather than char by char.
     */
    public static void html(String s, int start, int end, StringBuilder out) {
        int i = start;
        while (i < end && replacement(s.charAt(i)) == null) {
            i++;
        }
        if (i == end) {
            if (start == 0 && end == s.length()) {
                out.append(s);
            } else {
                out.append(s, start, end);
            }
            return;
        }
        int run = start;
        for (; i < end; i++) {
            String rep = replacement(s.charAt(i));
            if (rep != null) {
                out.append(s, run, i).append(rep);
                run = i + 1;
            }
        }
        out.append(s, run, end);
    }

    /** What {@code c} becomes in text and attribute values, or null when it stays as it is. */
    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            case '\0' -> "\uFFFD";
            default -> null;
        };
    }

    /**
     * A key as it appears inside a comment marker: percent-encoded UTF-8, leaving only
     * {@code A-Z a-z 0-9 _ . ~} as they are (so no {@code --}, {@code >} or spaces).
     */
    public static String markerKey(Object key) {
        byte[] bytes = String.valueOf(key).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return out.toString();
    }

    /**
     * A string literal safe inside an inline {@code <script>}: JSON-style escapes plus
     * {@code < > &} and U+2028/U+2029 as {@code \\uXXXX}, so neither {@code </script>} nor
     * {@code <!--} nor a line separator can end or change the script.
     */
    public static String scriptString(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\'' || c == '\u2028' || c == '\u2029' || c == '/') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
