package dev.aether.netron.client.middleware;

/**
 * A server's or a caller's text made safe for one log line: line breaks, control characters,
 * U+0085, U+2028/2029 and bidirectional overrides become escapes, and the text is cut at
 * {@value #MAX_CHARS} characters, so an error message cannot forge a log line. The same rules
 * as Titan's {@code LogText}, which the client cannot depend on; escaping happens only when the
 * line is written.
 *
 * <pre>{@code
 * log.warn("{} failed: {}", LogSafeText.of(call.describe()), LogSafeText.of(error.getMessage()));
 * }</pre>
 */
final class LogSafeText {
    static final int MAX_CHARS = 120;

    private final Object text;

    private LogSafeText(Object text) {
        this.text = text;
    }

    static LogSafeText of(Object text) {
        return new LogSafeText(text);
    }

    @Override
    public String toString() {
        return escape(String.valueOf(text));
    }

    static String escape(String text) {
        int end = Math.min(text.length(), MAX_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029'
                            || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                            || c == '\u200e' || c == '\u200f' || c == '\u061c') {
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
}
