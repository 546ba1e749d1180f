package dev.aether.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.aether.web.protocol.LiveProtocol;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The persist part ({@code persist.js}): it holds {@link LiveProtocol.Persist}'s values and the
 * core's DOM events between its {@code PROTOCOL} markers (as {@code RuntimeProtocolTest} checks the
 * core), its tag carries the page's settings, and it stays small.
 */
class PersistPartTest {
    private static final String BEGIN = "/* PROTOCOL: */", END = "/* :PROTOCOL */";
    /** 1.5 KB until the part also kept the page hidden while restoring and handed the core its first events. */
    private static final int BUDGET_BYTES = 2304;

    private static String part() {
        return new String(RuntimeScript.persistPart().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void thePartHoldsExactlyThePersistConstantsAndTheCoresDomEventsOfLiveProtocol() throws Exception {
        JsonNode protocol = protocolOf(part());

        assertThat(group(protocol, "Persist")).isEqualTo(constants(LiveProtocol.Persist.class));
        assertThat(group(protocol, "RuntimeEvents")).isEqualTo(constants(LiveProtocol.RuntimeEvents.class));
        assertThat(group(protocol, "Markup")).isEqualTo(Map.of("PART_SETTINGS", LiveProtocol.Markup.PART_SETTINGS));
        assertThat(protocol.size()).as("groups in the part's PROTOCOL").isEqualTo(3);
    }

    @Test
    void aPartsTagCarriesItsSettingsAsOneEscapedJsonArray() {
        RuntimeScript part = RuntimeScript.persistPart();
        String tag = part.tag(null, List.of("[\"local\",\"a\",\"{\\\"v\\\":1}\"]", "[\"session\",\"b\",null]"));

        assertThat(tag).isEqualTo("<script src=\"" + LiveProtocol.Paths.PERSIST_RUNTIME + "?v=" + part.version() + "\" "
                + LiveProtocol.Markup.PART_SETTINGS + "=\"[[&quot;local&quot;,&quot;a&quot;,&quot;{\\&quot;v\\&quot;:1}&quot;],"
                + "[&quot;session&quot;,&quot;b&quot;,null]]\"></script>");
    }

    private static JsonNode protocolOf(String js) throws IOException {
        return new ObjectMapper().readTree(js.substring(js.indexOf(BEGIN) + BEGIN.length(), js.indexOf(END)));
    }

    private static Map<String, Object> group(JsonNode protocol, String name) {
        Map<String, Object> values = new LinkedHashMap<>();
        protocol.path(name).fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().isInt() ? f.getValue().intValue() : f.getValue().textValue()));
        return values;
    }

    private static Map<String, Object> constants(Class<?> group) throws IllegalAccessException {
        Map<String, Object> java = new LinkedHashMap<>();
        for (Field f : group.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())) {
                java.put(f.getName(), f.get(null));
            }
        }
        return java;
    }

    @Test
    void thePartIsServedAtItsOwnPathWithAVersionedTag() {
        RuntimeScript part = RuntimeScript.persistPart();
        assertThat(part.path()).isEqualTo(LiveProtocol.Paths.PERSIST_RUNTIME);
        assertThat(part.tag("n0nce")).isEqualTo("<script src=\"" + LiveProtocol.Paths.PERSIST_RUNTIME + "?v=" + part.version() + "\" nonce=\"n0nce\"></script>");
    }

    @Test
    void thePartStaysWithinTwoAndAQuarterKilobytesGzipped() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(RuntimeScript.persistPart().bytes());
        }
        assertThat(gzipped.size()).as("persist.js gzipped, in bytes").isLessThanOrEqualTo(BUDGET_BYTES);
    }
}
