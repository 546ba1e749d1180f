package dev.aether.web.safety;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rule for URL attributes (href, src, action, formaction, srcset, …):
 * <ul>
 *   <li>relative URLs (no scheme) are kept;</li>
 *   <li>the schemes {@code http}, {@code https}, {@code mailto} and {@code tel} are kept;</li>
 *   <li>{@code data:image/(png|gif|jpeg|webp|avif|bmp);base64,…} is kept in {@code src}/{@code srcset}
 *       only (never SVG);</li>
 *   <li>anything else ({@code javascript:}, {@code vbscript:}, other {@code data:}, unknown schemes)
 *       is replaced by {@link #BLOCKED}.</li>
 * </ul>
 * The scheme is read the way a browser reads it: after dropping leading and trailing C0 controls
 * and spaces and every tab, CR and LF, case-insensitively. Values are then attribute-escaped, so
 * entities in the input ({@code javascript&#58;}) stay literal text and never decode to a colon.
 */
public final class UrlPolicy {
    /** What an unsafe URL becomes: inert in every browser. */
    public static final String BLOCKED = "about:invalid#aether-blocked";
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto", "tel");
    private static final Pattern SCHEME = Pattern.compile("^([a-z][a-z0-9+.\\-]*):");
    private static final Pattern SAFE_DATA_IMAGE =
            Pattern.compile("^data:image/(png|gif|jpeg|jpg|webp|avif|bmp);base64,[a-z0-9+/=]*$");

    private UrlPolicy() {
    }

    /** The value to emit for URL attribute {@code attribute}. */
    public static String sanitize(String attribute, String url) {
        if (attribute.equals("srcset") || attribute.equals("imagesrcset")) {
            return sanitizeSrcset(url);
        }
        return isSafe(attribute, url) ? url : BLOCKED;
    }

    /** Whether the browser would read {@code url} as a safe URL for {@code attribute}. */
    public static boolean isSafe(String attribute, String url) {
        return isPlainlySafe(url) || isSafeByScheme(attribute, url);
    }

    /**
     * A shortcut for the common values, without the lower-cased copy and the regex of
     * {@link #isSafeByScheme}: true when the very first characters already settle it. A value
     * starting with {@code / # ? .} has no scheme (a scheme starts with a letter, and nothing is
     * trimmed before a non-blank first character); one starting with a lower-case
     * {@code http://}, {@code https://}, {@code mailto:} or {@code tel:} has a safe scheme (the
     * URL parser drops tabs and newlines only, and there are none before that colon). False means
     * "not decided here", never "unsafe": everything else, upper case included, takes the full check.
     */
    static boolean isPlainlySafe(String url) {
        if (url.isEmpty()) {
            return false;
        }
        char first = url.charAt(0);
        return first == '/' || first == '#' || first == '?' || first == '.'
                || url.startsWith("http://") || url.startsWith("https://") || url.startsWith("mailto:") || url.startsWith("tel:");
    }

    /** The full check: the scheme as the browser reads it, then the scheme rules above. */
    static boolean isSafeByScheme(String attribute, String url) {
        String probe = probe(url);
        Matcher m = SCHEME.matcher(probe);
        if (!m.find()) {
            return true; // relative: path, query, fragment, or //host
        }
        String scheme = m.group(1);
        if (SAFE_SCHEMES.contains(scheme)) {
            return true;
        }
        return scheme.equals("data") && (attribute.equals("src") || attribute.startsWith("srcset") || attribute.equals("imagesrcset"))
                && SAFE_DATA_IMAGE.matcher(probe).matches();
    }

    private static String sanitizeSrcset(String srcset) {
        for (String candidate : srcset.split(",")) {
            String url = candidate.strip().split("\\s+", 2)[0];
            // also read the candidate with tabs and newlines removed, as the URL parser would
            String joined = candidate.replaceAll("[\t\n\r]", "").strip().split(" ", 2)[0];
            if (!url.isEmpty() && !isSafe("src", url) || !joined.isEmpty() && !isSafe("src", joined)) {
                return BLOCKED;
            }
        }
        return srcset;
    }

    /** The URL as the URL parser sees its start: trimmed of C0 controls and spaces, tabs and newlines removed. */
    private static String probe(String url) {
        int start = 0, end = url.length();
        while (start < end && url.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && url.charAt(end - 1) <= ' ') {
            end--;
        }
        StringBuilder sb = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = url.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
