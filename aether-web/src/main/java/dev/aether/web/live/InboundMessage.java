package dev.aether.web.live;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.aether.web.protocol.LiveProtocol;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * One message a browser sent on the live channel, parsed: an {@link Event}, an {@link Ack}, or
 * {@link Malformed} with what is wrong with it. Parsing never throws, so a peer's garbage is
 * answered, never fatal.
 *
 * <pre>{@code
 * switch (InboundMessage.parse(text)) {
 *     case InboundMessage.Event e -> session.receive(e);
 *     case InboundMessage.Ack a -> log.acknowledge(a.lastSeen());
 *     case InboundMessage.Malformed m -> sink.emit(new Patch.Rejected(0, m.reason()));
 * }
 * }</pre>
 */
sealed interface InboundMessage {
    /** The most data fields an event may carry. */
    int MAX_DATA_FIELDS = 256;
    /** Strict: {@code [1] [2]} is not one message followed by garbage but malformed. */
    ObjectReader READER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).reader();

    /**
     * {@code ["e", seq, elementId, type, {data}, lastSeen, handler?]}: a DOM event; {@code handler}
     * numbers the handlers of one type on one element (0 when there is one).
     */
    record Event(long seq, String elementId, String type, Map<String, String> data, long lastSeen, int handler) implements InboundMessage {
        Event(long seq, String elementId, String type, Map<String, String> data, long lastSeen) {
            this(seq, elementId, type, data, lastSeen, 0);
        }
    }

    /** {@code ["a", lastSeen]}: the browser has applied every frame up to {@code lastSeen}. */
    record Ack(long lastSeen) implements InboundMessage {
    }

    /** A message that is not part of the protocol; {@code reason} is sent back to the browser. */
    record Malformed(String reason) implements InboundMessage {
    }

    /** Parses one text message. */
    static InboundMessage parse(String message) {
        JsonNode m;
        try {
            m = READER.readTree(message);
        } catch (Exception e) {
            return new Malformed("malformed message: not JSON");
        }
        if (m == null || !m.isArray() || m.isEmpty() || !m.get(0).isTextual()) {
            return new Malformed("malformed message: expected [\"" + LiveProtocol.Inbound.EVENT + "\", …] or [\""
                    + LiveProtocol.Inbound.ACK + "\", …]");
        }
        return switch (m.get(0).asText()) {
            case LiveProtocol.Inbound.ACK -> ack(m);
            case LiveProtocol.Inbound.EVENT -> event(m);
            default -> new Malformed("unknown message type '" + m.get(0).asText() + "'");
        };
    }

    private static InboundMessage ack(JsonNode m) {
        if (m.size() != 2 || !m.get(1).canConvertToLong()) {
            return new Malformed("malformed acknowledgement: expected [\"" + LiveProtocol.Inbound.ACK + "\", lastSeen]");
        }
        return new Ack(m.get(1).asLong());
    }

    private static InboundMessage event(JsonNode m) {
        if ((m.size() != 6 && m.size() != 7) || !m.get(1).canConvertToLong() || m.get(1).asLong() < 1 || !m.get(2).isTextual()
                || !m.get(3).isTextual() || !m.get(4).isObject() || !m.get(5).canConvertToLong()
                || (m.size() == 7 && !(m.get(6).canConvertToInt() && m.get(6).asInt() >= 0 && m.get(6).asInt() < 64))) {
            return new Malformed("malformed event: expected [\"" + LiveProtocol.Inbound.EVENT
                    + "\", seq, elementId, type, {data}, lastSeen(, handler)]");
        }
        if (m.get(4).size() > MAX_DATA_FIELDS) {
            return new Malformed("malformed event: more than " + MAX_DATA_FIELDS + " data fields");
        }
        Map<String, String> data = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.get(4).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (!f.getValue().isTextual()) {
                return new Malformed("malformed event: data field '" + f.getKey() + "' is not a string");
            }
            data.put(f.getKey(), f.getValue().asText());
        }
        return new Event(m.get(1).asLong(), m.get(2).asText(), m.get(3).asText(), data, m.get(5).asLong(),
                m.size() == 7 ? m.get(6).asInt() : 0);
    }
}
