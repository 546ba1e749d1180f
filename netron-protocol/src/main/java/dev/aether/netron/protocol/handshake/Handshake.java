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

    /** Client → server: {@code {"type":"client-id","id":"<clientId>"}}. */
    record ClientId(String id) implements Handshake {
    }

    /** The compact JSON text. */
    default String toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("type", this instanceof ServerId ? "id" : "client-id");
        n.put("id", id());
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
            case "client-id" -> new ClientId(id);
            default -> throw SerializationException.decode("Invalid handshake type: " + n.path("type"));
        };
    }
}

/** Holder, so the interface exposes no mapper. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }
}
