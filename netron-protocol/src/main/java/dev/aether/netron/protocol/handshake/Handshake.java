package dev.aether.netron.protocol.handshake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.netron.protocol.error.SerializationException;
import java.nio.charset.StandardCharsets;

/**
 * A handshake message: the server announces its id ({@code {"type":"id","id":...}}, sent as a
 * binary frame), the client answers with its own ({@code {"type":"client-id","id":...}}, a text
 * frame from browsers, a binary frame from the titan client). Compact JSON, keys type then id.
 *
 * <p>Our extension, stream flow control: the Java client adds {@code "credits":N} to its
 * {@code client-id} (how many chunks it lets a sender run ahead on each stream); a Java server
 * that takes it up answers {@link CreditsAccepted} before any packet. Peers that know nothing of
 * it (the TypeScript reference) neither send nor expect these fields, and streams between them
 * keep the reference behaviour.
 *
 * <p>Our extension, idempotency keys: the Java client adds {@code "keys":true}; a Java server that
 * takes it up answers {@link KeysAccepted} before any packet, and from then on every CALL of
 * that connection is {@code [target, method, key, ...args]} with {@code key} a string or nil,
 * which the server strips before dispatch. Without both, CALL stays {@code [target, method, ...args]}.
 *
 * <pre>{@code
 * byte[] hello = new Handshake.ServerId("server-netron-id").toBytes();
 * if (Handshake.looksLikeHandshake(frame)) {
 *     Handshake h = Handshake.parse(frame);    // ClientId[id=...]
 * }
 * }</pre>
 */
public sealed interface Handshake {

    /** The peer id the message carries. */
    String id();

    /** Server → client: {@code {"type":"id","id":"<serverNetronId>"}}. */
    record ServerId(String id) implements Handshake {
    }

    /**
     * Client → server: {@code {"type":"client-id","id":"<clientId>"}}, plus {@code "credits":N}
     * when the client offers credit-based stream flow control (0: not offered, the field is left out),
     * plus {@code "keys":true} when it offers idempotency keys in CALL packets.
     */
    record ClientId(String id, int credits, boolean keys) implements Handshake {
        public ClientId {
            if (credits < 0) throw new IllegalArgumentException("credits must not be negative: " + credits);
        }

        /** A client-id offering flow control (credits &gt; 0) but not keys. */
        public ClientId(String id, int credits) {
            this(id, credits, false);
        }

        /** A client-id without the flow-control offer, as every reference client sends it. */
        public ClientId(String id) {
            this(id, 0);
        }
    }

    /**
     * Server → client, only in answer to a {@link ClientId} with {@code keys}:
     * {@code {"type":"keys","id":"<serverNetronId>"}}. From then on the client's CALL packets are
     * {@code [target, method, key, ...args]}, {@code key} being the call's idempotency key or nil.
     */
    record KeysAccepted(String id) implements Handshake {
    }

    /**
     * Server → client, only in answer to a {@link ClientId} with credits:
     * {@code {"type":"credits","id":"<serverNetronId>","credits":N}}. From then on both sides send
     * stream chunks only within the credit the receiver granted; N is the server's own window.
     */
    record CreditsAccepted(String id, int credits) implements Handshake {
        public CreditsAccepted {
            if (credits <= 0) throw new IllegalArgumentException("credits must be positive: " + credits);
        }
    }

    /** The compact JSON text. */
    default String toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        switch (this) {
            case ServerId s -> n.put("type", "id").put("id", s.id());
            case ClientId c -> {
                n.put("type", "client-id").put("id", c.id());
                if (c.credits() > 0) n.put("credits", c.credits());
                if (c.keys()) n.put("keys", true);
            }
            case KeysAccepted k -> n.put("type", "keys").put("id", k.id());
            case CreditsAccepted a -> n.put("type", "credits").put("id", a.id()).put("credits", a.credits());
        }
        return n.toString();
    }

    /** The UTF-8 bytes of {@link #toJson()}. */
    default byte[] toBytes() {
        return toJson().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The server's rule before the first packet decodes: a frame starting with <code>&#123;</code> or
     * <code>[</code> is handshake text, anything else is a packet.
     */
    static boolean looksLikeHandshake(byte[] frame) {
        return frame.length > 0 && (frame[0] == '{' || frame[0] == '[');
    }

    /** Parses a handshake frame; {@link SerializationException} (400) for anything else. */
    static Handshake parse(byte[] frame) {
        return parse(new String(frame, StandardCharsets.UTF_8));
    }

    /** Parses handshake text; {@link SerializationException} (400) for anything else. */
    static Handshake parse(String text) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw SerializationException.decode("Invalid handshake: not JSON", e);
        }
        if (n == null || !n.path("id").isTextual()) throw SerializationException.decode("Invalid handshake: no id");
        String id = n.get("id").asText();
        return switch (n.path("type").asText("")) {
            case "id" -> new ServerId(id);
            case "client-id" -> new ClientId(id, credits(n, 0), n.path("keys").asBoolean(false));
            case "keys" -> new KeysAccepted(id);
            case "credits" -> new CreditsAccepted(id, credits(n, 1));
            default -> throw SerializationException.decode("Invalid handshake type: " + n.path("type"));
        };
    }

    /**
     * The {@code credits} field: absent is {@code absent} (only a client-id may leave it out),
     * anything but a positive int is {@link SerializationException} (400).
     */
    private static int credits(JsonNode n, int absent) {
        JsonNode c = n.get("credits");
        if (c == null && absent == 0) return 0;
        if (c == null || !c.isIntegralNumber() || !c.canConvertToInt() || c.intValue() < 1) {
            throw SerializationException.decode("Invalid handshake: credits must be a positive integer");
        }
        return c.intValue();
    }
}

/** Holder, so the interface exposes no mapper. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
