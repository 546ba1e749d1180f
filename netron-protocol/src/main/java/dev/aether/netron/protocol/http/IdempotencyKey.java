package dev.aether.netron.protocol.http;

import dev.aether.netron.protocol.error.NetronException;
import java.util.Map;

/**
 * Our extension for mutations that may be retried: the client names each attempt of one logical
 * call with the same key, and a server that keeps results (Titan) answers a repeated key with the
 * first result instead of running the method again. Over {@code /netron/invoke} the key is the
 * {@value #HEADER} header; in a batch item it is {@code context.metadata["idempotencyKey"]}. A
 * peer that sends no key (the TypeScript client) is served as before.
 *
 * <pre>{@code
 * request.header(IdempotencyKey.HEADER, UUID.randomUUID().toString());
 * String key = IdempotencyKey.check(exchange.header(IdempotencyKey.HEADER));   // null when absent
 * }</pre>
 */
public final class IdempotencyKey {
    /** The HTTP header carrying the key of a single invoke (the name the IETF draft uses). */
    public static final String HEADER = "Idempotency-Key";
    /** The {@code context.metadata} entry carrying the key of a batch item. */
    public static final String METADATA = "idempotencyKey";
    /** Keys are client-made ids (UUIDs); anything longer is refused rather than stored. */
    public static final int MAX_LENGTH = 255;

    private IdempotencyKey() {
    }

    /** The key if it is usable, null when absent; 400 when empty or longer than {@value #MAX_LENGTH} characters. */
    public static String check(String key) {
        if (key == null) {
            return null;
        }
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw new NetronException(400, "Invalid " + HEADER + ": 1 to " + MAX_LENGTH + " characters", Map.of("maxLength", MAX_LENGTH));
        }
        return key;
    }

    /** The key of a batch item ({@code context.metadata.idempotencyKey}), checked; null when absent. */
    public static String of(RequestContext context) {
        if (context == null || context.metadata() == null) {
            return null;
        }
        Object key = context.metadata().get(METADATA);
        if (key != null && !(key instanceof String)) {
            throw new NetronException(400, "Invalid " + METADATA + ": must be a string", Map.of());
        }
        return check((String) key);
    }
}
