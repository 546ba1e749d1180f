package dev.aether.web.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.web.protocol.LiveProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the server sends a browser, read back into typed values, so that specifications compare
 * {@link Patch} records rather than escaped JSON: a numbered (or, with seq 0, unnumbered)
 * {@link Frame}, or the {@link Resume} frame.
 *
 * <pre>{@code
 * assertThat(live.frames()).containsExactly(frame(1, 1, new Patch.Text("2", "1")));
 * assertThat(live.patches()).containsExactly(new Patch.Text("2", "1"));
 * }</pre>
 */
final class Frames {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Frames() {
    }

    /** A frame the server sent. */
    sealed interface Sent permits Frame, Resume {
    }

    /** {@code [seq, [patch…], answeredUpTo]}. */
    record Frame(long seq, List<Patch> patches, long answeredUpTo) implements Sent {
    }

    /** {@code ["resume", answeredUpTo]}. */
    record Resume(long answeredUpTo) implements Sent {
    }

    static Frame frame(long seq, long answeredUpTo, Patch... patches) {
        return new Frame(seq, List.of(patches), answeredUpTo);
    }

    static Resume resume(long answeredUpTo) {
        return new Resume(answeredUpTo);
    }

    /** One list operation, as {@link Patch.ListChange} holds it: {@code op("+", "b", "a", "<li>b</li>")}. */
    static List<Object> op(Object... parts) {
        return Arrays.asList(parts);
    }

    static Sent parse(String json) {
        JsonNode f = read(json);
        if (f.get(0).isTextual()) {
            if (!f.get(0).asText().equals(LiveProtocol.Outbound.RESUME) || f.size() != 2) {
                throw new AssertionError("not a frame: " + json);
            }
            return new Resume(f.get(1).asLong());
        }
        List<Patch> patches = new ArrayList<>();
        for (JsonNode p : f.get(1)) {
            patches.add(patch(p));
        }
        return new Frame(f.get(0).asLong(), patches, f.get(2).asLong());
    }

    static List<Sent> parseAll(List<String> frames) {
        List<Sent> out = new ArrayList<>();
        for (String f : frames) {
            out.add(parse(f));
        }
        return out;
    }

    /** Every patch in {@code frames}, in order. */
    static List<Patch> patchesOf(List<String> frames) {
        List<Patch> out = new ArrayList<>();
        for (Sent s : parseAll(frames)) {
            if (s instanceof Frame f) {
                out.addAll(f.patches());
            }
        }
        return out;
    }

    /** The patches of one frame. */
    static List<Patch> patchesIn(String frame) {
        return patchesOf(List.of(frame));
    }

    static Patch patch(JsonNode p) {
        String id = p.get(1).asText();
        return switch (p.get(0).asText()) {
            case LiveProtocol.Op.TEXT -> new Patch.Text(id, p.get(2).asText());
            case LiveProtocol.Op.ATTRIBUTE -> new Patch.Attr(id, p.get(2).asText(), text(p.get(3)));
            case LiveProtocol.Op.CLASS -> new Patch.ClassToggle(id, p.get(2).asText(), p.get(3).asInt() == 1);
            case LiveProtocol.Op.STYLE -> new Patch.Style(id, p.get(2).asText(), text(p.get(3)));
            case LiveProtocol.Op.REGION -> new Patch.Replace(id, p.get(2).asText());
            case LiveProtocol.Op.LIST -> new Patch.ListChange(id, listOps(p.get(2)));
            case LiveProtocol.Op.ERROR -> new Patch.Rejected(p.get(1).asLong(), p.get(2).asText());
            default -> throw new AssertionError("unknown patch: " + p);
        };
    }

    private static List<List<Object>> listOps(JsonNode ops) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode op : ops) {
            List<Object> parts = new ArrayList<>();
            for (JsonNode part : op) {
                parts.add(text(part));
            }
            out.add(parts);
        }
        return out;
    }

    private static String text(JsonNode n) {
        return n.isNull() ? null : n.asText();
    }

    static JsonNode read(String frame) {
        try {
            return JSON.readTree(frame);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + frame, e);
        }
    }
}
