package dev.aether.netron.protocol.msgpack;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A JavaScript RegExp as ext 121 carries it: source and flags. The decoder returns a
 * {@link Pattern} when the source compiles in Java and every flag has a Java equivalent
 * ({@code i m s u}); otherwise (a {@code g}, {@code y}, {@code d} or {@code v} flag, or
 * JavaScript-only syntax) it returns this record so nothing is lost.
 *
 * <pre>{@code
 * codec.encode(Pattern.compile("ab+c", Pattern.CASE_INSENSITIVE));   // /ab+c/i
 * codec.encode(new JsRegExp("ab+c", "gi"));                           // /ab+c/gi
 * }</pre>
 */
public record JsRegExp(String source, String flags) implements JsValue {

    // JavaScript's canonical flag order, as RegExp.prototype.flags reports it.
    private static final String JS_FLAG_ORDER = "dgimsuvy";

    public JsRegExp {
        if (source == null || flags == null) throw new IllegalArgumentException("source and flags must not be null");
    }

    /** The JavaScript form of a Java pattern: i, m, s, u from its flags, in canonical order. */
    public static JsRegExp of(Pattern pattern) {
        int f = pattern.flags();
        StringBuilder flags = new StringBuilder();
        if ((f & Pattern.CASE_INSENSITIVE) != 0) flags.append('i');
        if ((f & Pattern.MULTILINE) != 0) flags.append('m');
        if ((f & Pattern.DOTALL) != 0) flags.append('s');
        if ((f & Pattern.UNICODE_CASE) != 0) flags.append('u');
        return new JsRegExp(pattern.pattern(), flags.toString());
    }

    /** The Java flags for the JavaScript flags, or -1 when some flag has no Java equivalent. */
    static int javaFlags(String jsFlags) {
        int f = 0;
        for (int i = 0; i < jsFlags.length(); i++) {
            switch (jsFlags.charAt(i)) {
                case 'i' -> f |= Pattern.CASE_INSENSITIVE;
                case 'm' -> f |= Pattern.MULTILINE;
                case 's' -> f |= Pattern.DOTALL;
                case 'u' -> f |= Pattern.UNICODE_CASE;
                default -> { return -1; }
            }
        }
        return f;
    }

    /** The equivalent Java pattern, or null when there is none. */
    public Pattern toPattern() {
        int f = javaFlags(flags);
        if (f < 0) return null;
        try {
            return Pattern.compile(source, f);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** Whether the flags are in JavaScript's canonical order (used to keep re-encoding exact). */
    boolean canonicalFlags() {
        int last = -1;
        for (int i = 0; i < flags.length(); i++) {
            int at = JS_FLAG_ORDER.indexOf(flags.charAt(i));
            if (at <= last) return false;
            last = at;
        }
        return true;
    }
}
