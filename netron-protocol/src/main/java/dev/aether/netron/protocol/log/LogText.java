package dev.aether.netron.protocol.log;

/**
 * Text a peer sent (an element id, a method name, a header), made safe to put into a log line:
 * control characters — and the other characters that break or disguise a line: U+0085, U+2028,
 * U+2029 and the bidirectional overrides — are written as escapes ({@code \n}, {@code \u2028}),
 * so a peer cannot start a forged line; and the text is cut at {@value #MAX_CHARS} characters,
 * so a 60 KB id costs the log a few hundred bytes. The work is done only when the line is
 * written ({@link #toString()}), so a disabled level costs nothing.
 *
 * <pre>{@code
 * LOG.info("no {} handler on element {}", LogText.of(type), LogText.of(elementId));
 * }</pre>
 */
public final class LogText {
    /** The most characters of a peer's text a log line shows. */
    public static final int MAX_CHARS = 120;

    private final Object text;

    private LogText(Object text) {
        this.text = text;
    }

    /** {@code text} to be logged safely; {@code null} is logged as {@code null}. */
    public static LogText of(Object text) {
        return new LogText(text);
    }

    /** The escaped, truncated text. */
    @Override
    public String toString() {
        return escape(String.valueOf(text));
    }

    /** {@code text} with line-breaking and invisible control characters escaped, cut at {@link #MAX_CHARS}. */
    public static String escape(String text) {
        int end = Math.min(text.length(), MAX_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;   // never cut a pair in two
        }
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");   // so that a peer's own "\n" reads differently from an escaped newline
                default -> {
                    if (mustEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (end < text.length()) {
            out.append("…(").append(text.length() - end).append(" more chars)");
        }
        return out.toString();
    }

    private static boolean mustEscape(char c) {
        return c < 0x20 || (c >= 0x7f && c <= 0x9f)                 // C0, DEL, C1 (U+0085 is a line break to some readers)
                || c == '\u2028' || c == '\u2029'                     // line and paragraph separators
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')   // bidirectional overrides
                || c == '\u200e' || c == '\u200f' || c == '\u061c';
    }
}
