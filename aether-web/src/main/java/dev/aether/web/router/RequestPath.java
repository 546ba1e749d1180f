package dev.aether.web.router;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A URL's path as the router reads it: split on {@code /}, each segment percent-decoded (strict
 * UTF-8). Hostile paths have no reading, so they match no route (a 404, never a 500): longer than
 * {@value #MAX_LENGTH} characters or {@value #MAX_SEGMENTS} segments, an empty segment inside the
 * path ({@code /a//b}), a {@code .} or {@code ..} segment (encoded or not), a malformed escape or
 * invalid UTF-8, a decoded control character. One trailing {@code /} is ignored.
 *
 * <pre>{@code
 * RequestPath.parse("/files/a%20b/%C3%A9").orElseThrow().segments()   // [files, a b, é]
 * RequestPath.parse("/files/../etc")                                 // Optional.empty
 * }</pre>
 *
 * @param segments the decoded segments; none for {@code /}
 */
public record RequestPath(List<String> segments) {
    /** The longest raw path read, in characters; browsers and proxies rarely pass more. */
    public static final int MAX_LENGTH = 2048;
    /** The most segments read: far beyond any route, small enough to bound the work per request. */
    public static final int MAX_SEGMENTS = 64;

    public RequestPath {
        segments = List.copyOf(segments);
    }

    /** Reads {@code rawPath} (as sent, still percent-encoded, without the query); empty when it has no safe reading. */
    public static Optional<RequestPath> parse(String rawPath) {
        if (rawPath == null || !rawPath.startsWith("/") || rawPath.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String body = rawPath.length() > 1 && rawPath.endsWith("/") ? rawPath.substring(1, rawPath.length() - 1) : rawPath.substring(1);
        List<String> segments = new ArrayList<>();
        if (body.isEmpty()) {
            return Optional.of(new RequestPath(segments));
        }
        for (String raw : body.split("/", -1)) {
            if (segments.size() == MAX_SEGMENTS) {
                return Optional.empty();
            }
            Optional<String> decoded = decode(raw);
            if (decoded.isEmpty() || decoded.get().isEmpty() || decoded.get().equals(".") || decoded.get().equals("..")
                    || decoded.get().chars().anyMatch(Character::isISOControl)) {
                return Optional.empty();
            }
            segments.add(decoded.get());
        }
        return Optional.of(new RequestPath(segments));
    }

    /**
     * {@code value} as one path segment, percent-encoded (UTF-8) but for the unreserved characters:
     * what {@link #parse} decodes back to {@code value}.
     */
    static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** Percent-decoding only ({@code +} stays {@code +} in a path); strict: a bad escape or bad UTF-8 is empty. */
    static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw);
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 3);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return Optional.empty();
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else {
                bytes.put(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        bytes.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return Optional.of(chars.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
