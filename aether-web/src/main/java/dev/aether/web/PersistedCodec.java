package dev.aether.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.web.html.RefusedEventException;
import dev.aether.web.protocol.LiveProtocol;
import java.util.Iterator;
import java.util.Map;

/**
 * The stored form of a persisted value, {@code {"v": version, "d": value}}, written and read back
 * under a {@link Persisted}'s rules. Reading never trusts the text: the browser's storage is
 * anyone's to edit, so text that is too long, not JSON, of a newer version, not of the type or
 * not {@linkplain Persisted#valid valid} is refused with a {@link RefusedEventException} saying
 * why, and the page keeps its value.
 *
 * <pre>{@code
 * PersistedCodec<Prefs> codec = new PersistedCodec<>(Persisted.of(Prefs.class), "team.prefs", "localStorage");
 * String stored = codec.write(prefs);          // {"v":1,"d":{"sort":"name"}}
 * Prefs back = codec.read(stored, defaults);   // or RefusedEventException
 * }</pre>
 */
final class PersistedCodec<T> {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Strict: a value followed by anything else is not a stored value. */
    private static final ObjectReader READER = JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String VERSION = "v", DATA = "d";
    private static final int MAX_DETAIL = 160;

    private final Persisted<T> how;
    private final String where;

    /** @param key and @param storage name the value in errors: {@code team.prefs (localStorage)} */
    PersistedCodec(Persisted<T> how, String key, String storage) {
        this.how = how;
        this.where = "stored value '" + key + "' (" + storage + ")";
    }

    /** The text stored for {@code value}, or null when it is longer than the storage limit. */
    String write(T value) {
        JsonNode data = JSON.valueToTree(value);
        if (data instanceof ObjectNode fields) {
            fields.retain(fields.properties().stream().map(Map.Entry::getKey).filter(how::keeps).toList());
        }
        ObjectNode stored = JSON.createObjectNode();
        stored.put(VERSION, how.version());
        stored.set(DATA, data);
        String text = stored.toString();
        return text.length() > LiveProtocol.Persist.MAX_CHARS ? null : text;
    }

    /**
     * What the persist part's tag says of this value, {@code [storage, key, rendered]}: enough to
     * compare the stored text with the rendered one before the page paints.
     */
    static String partSetting(String storage, String key, String rendered) {
        return JSON.createArrayNode().add(storage).add(key).add(rendered).toString();
    }

    /**
     * The value {@code text} holds, its fields laid over {@code current} (the fields not stored keep
     * their value); {@link RefusedEventException} when it cannot be trusted.
     */
    T read(String text, T current) {
        if (text.length() > LiveProtocol.Persist.MAX_CHARS) {
            throw refused("longer than " + LiveProtocol.Persist.MAX_CHARS + " characters");
        }
        JsonNode stored;
        try {
            stored = READER.readTree(text);
        } catch (JacksonException e) {
            throw refused("not JSON");
        }
        if (stored == null || !stored.isObject() || !stored.path(VERSION).isInt() || !stored.has(DATA)) {
            throw refused("not of the form {\"" + VERSION + "\": version, \"" + DATA + "\": value}");
        }
        JsonNode data = migrated(stored.get(VERSION).intValue(), stored.get(DATA));
        T value;
        try {
            value = READER.treeToValue(laidOver(data, current), how.type());
        } catch (JacksonException | IllegalArgumentException e) {
            throw refused("not a valid " + how.type().getSimpleName() + " (" + detail(e) + ")");
        }
        if (value == null || !how.valid().test(value)) {
            throw refused("rejected by the page's check");
        }
        return value;
    }

    private JsonNode migrated(int version, JsonNode data) {
        if (version == how.version()) {
            return data;
        }
        if (version > how.version()) {
            throw refused("written by version " + version + ", newer than this page's " + how.version());
        }
        if (how.migrate() == null) {
            throw refused("written by version " + version + ", and the page has no migration to version " + how.version());
        }
        try {
            return JSON.valueToTree(how.migrate().migrate(version, JSON.treeToValue(data, Object.class)));
        } catch (JacksonException | RuntimeException e) {
            throw refused("its migration from version " + version + " failed (" + detail(e) + ")");
        }
    }

    /** The stored fields the rules keep, over the current value's; anything that is not a record or map as stored. */
    private JsonNode laidOver(JsonNode data, T current) {
        JsonNode base = current == null ? null : JSON.valueToTree(current);
        if (!(data instanceof ObjectNode stored) || !(base instanceof ObjectNode merged)) {
            return data;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = stored.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (how.keeps(field.getKey())) {
                merged.set(field.getKey(), field.getValue());
            }
        }
        return merged;
    }

    private RefusedEventException refused(String why) {
        return new RefusedEventException(where + " ignored: " + why);
    }

    private static String detail(Exception e) {
        String m = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        m = m == null ? e.getClass().getSimpleName() : m;
        return m.length() > MAX_DETAIL ? m.substring(0, MAX_DETAIL) + "…" : m;
    }
}
