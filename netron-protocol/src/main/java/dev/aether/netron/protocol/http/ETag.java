package dev.aether.netron.protocol.http;

/**
 * The reference's weak ETag for cacheable results: FNV-1a 32-bit over the UTF-16 code units of
 * the result's JSON, lowercase hex without zero padding.
 *
 * <pre>{@code
 * String tag = ETag.of("[{\"id\":1,\"name\":\"Alice\"},{\"id\":2,\"name\":\"Bob\"}]");   // W/"2fc505f"
 * if (ETag.matches(request.header("If-None-Match"), tag)) respond(304);
 * }</pre>
 */
public final class ETag {

    private ETag() {
    }

    /** {@code W/"<hex>"} for a JSON text. */
    public static String of(String json) {
        int h = 0x811c9dc5;
        for (int i = 0; i < json.length(); i++) {
            h ^= json.charAt(i);
            h *= 0x01000193;
        }
        return "W/\"" + Integer.toHexString(h) + "\"";
    }

    /** Weak comparison against an {@code If-None-Match} value: {@code *}, one tag or a comma list. */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) return false;
        String want = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(want)) return true;
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
