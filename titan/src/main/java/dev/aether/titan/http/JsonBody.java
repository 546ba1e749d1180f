package dev.aether.titan.http;

import dev.aether.netron.protocol.error.NetronException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads a request body as JSON text, never holding more than {@code maxBytes} of it: 413 when
 * the declared or actual length is over the limit, 415 for a media type that is not JSON, 400
 * "Invalid JSON" for bytes that are not UTF-8 and for anything after the JSON value.
 *
 * <pre>{@code
 * String json = new JsonBody(settings.maxBodyBytes()).read(request);
 * }</pre>
 *
 * <p>Refusing non-JSON media types also refuses the "simple" cross-site requests a browser sends
 * without a CORS preflight ({@code text/plain}, form posts), so a hostile page cannot make a
 * visitor's browser call services.
 */
final class JsonBody {
    /**
     * How much of an over-limit body is read and thrown away before the 413 goes out. A client
     * that writes its whole body before it reads the answer (the JDK's HttpClient does) gets a
     * broken connection instead of the 413 when the server closes while it is still sending,
     * which happens or not depending on timing; with the rest read first, it gets the answer.
     * A body larger still is not read: the connection is closed under it (Tomcat's
     * maxSwallowSize, 2 MiB by default, is the same trade-off).
     */
    static final long SWALLOW_BYTES = 2L * 1024 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final int maxBytes;
    /** The threads reading a body now (each request is read on its own virtual thread). */
    private final Set<Thread> reading = ConcurrentHashMap.newKeySet();

    JsonBody(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    String read(Request request) throws IOException {
        Thread reader = Thread.currentThread();
        reading.add(reader);
        try {
            return readBody(request);
        } finally {
            reading.remove(reader);
            Thread.interrupted(); // an abort that came as the read finished must not hit the call that follows
        }
    }

    /**
     * Fails the reads of bodies still arriving, so their requests are answered now (the server is
     * stopping: 503 with Retry-After, see {@link HttpEndpoint}) rather than cut off when the
     * connections close.
     */
    void abortReads() {
        // Interrupting the reader ends its blocking read with an InterruptedIOException; failing the
        // request instead would fail its response too, and the client would get no answer at all.
        reading.forEach(Thread::interrupt);
    }

    private String readBody(Request request) throws IOException {
        checkMediaType(request.getHeaders().get(HttpHeader.CONTENT_TYPE));
        InputStream in = Content.Source.asInputStream(request);
        long declared = request.getLength();
        if (declared > maxBytes) {
            if (declared <= SWALLOW_BYTES) {
                discardRest(in);
            }
            throw tooLarge();
        }
        byte[] bytes = readAtMost(in);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new NetronException(400, "Invalid JSON", Map.of("reason", "body is not valid UTF-8"));
        }
        requireOneValue(text);
        return text;
    }

    /**
     * 400 when something follows the JSON value ({@code {...} xyz}, {@code {...}{...}}): a body
     * means one request, and a proxy or a cache that reads it otherwise must not see another.
     * Malformed JSON is left to the parse that follows, which reports it.
     */
    private static void requireOneValue(String text) {
        try (JsonParser parser = JSON.createParser(text)) {
            try {
                if (parser.nextToken() == null) {
                    return;
                }
                parser.skipChildren();
            } catch (JsonProcessingException malformed) {
                return; // the parse that follows answers "Invalid JSON"
            }
            boolean trailing;
            try {
                trailing = parser.nextToken() != null;
            } catch (JsonProcessingException garbage) {
                trailing = true; // `{...} xyz`: not even JSON after the value
            }
            if (trailing) {
                throw new NetronException(400, "Invalid JSON", Map.of("reason", "data after the JSON value"));
            }
        } catch (IOException cannotHappen) {
            throw new UncheckedIOException(cannotHappen); // reading a String
        }
    }

    private byte[] readAtMost(InputStream in) throws IOException {
        // readNBytes stops after maxBytes + 1: one byte over the limit is proof enough.
        byte[] bytes = in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            discardRest(in);
            throw tooLarge();
        }
        return bytes;
    }

    /** Reads and drops what is left of the body, at most {@link #SWALLOW_BYTES}; see there. */
    private static void discardRest(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (long left = SWALLOW_BYTES; left > 0; ) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    return;
                }
                left -= n;
            }
        } catch (IOException gone) {
            // the client went away: the 413 goes nowhere either way
        }
    }

    private NetronException tooLarge() {
        return new NetronException(413, "Request body too large", Map.of("maxBytes", maxBytes));
    }

    private static void checkMediaType(String contentType) {
        if (contentType == null) {
            return; // curl and scripts often omit it; the body still has to be JSON
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!type.equals("application/json") && !type.endsWith("+json")) {
            throw new NetronException(415, "Unsupported media type: send application/json", Map.of("contentType", type));
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int charset = lower.indexOf("charset=");
        if (charset >= 0) {
            String name = lower.substring(charset + 8).split(";", 2)[0].trim().replace("\"", "");
            if (!name.equals("utf-8") && !name.equals("utf8")) {
                throw new NetronException(415, "Unsupported charset: send UTF-8", Map.of("charset", name));
            }
        }
    }
}
