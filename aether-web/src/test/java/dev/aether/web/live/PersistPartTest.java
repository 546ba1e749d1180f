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
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The persist part ({@code persist.js}): it holds {@link LiveProtocol.Persist}'s values between
 * its {@code PROTOCOL} markers (as {@code RuntimeProtocolTest} checks the core), and stays small.
 */
class PersistPartTest {
    private static final String BEGIN = "/* PROTOCOL: */", END = "/* :PROTOCOL */";
    private static final int BUDGET_BYTES = 1536;

    private static String part() {
        return new String(RuntimeScript.persistPart().bytes(), StandardCharsets.UTF_8);
    }

    @Test
    void thePartHoldsExactlyThePersistConstantsOfLiveProtocol() throws Exception {
        String js = part();
        JsonNode protocol = new ObjectMapper().readTree(js.substring(js.indexOf(BEGIN) + BEGIN.length(), js.indexOf(END)));
        Map<String, Object> inPart = new LinkedHashMap<>();
        protocol.path("Persist").fields().forEachRemaining(f -> inPart.put(f.getKey(), f.getValue().isInt() ? f.getValue().intValue() : f.getValue().textValue()));
        Map<String, Object> java = new LinkedHashMap<>();
        for (Field f : LiveProtocol.Persist.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && Modifier.isStatic(f.getModifiers())) {
                java.put(f.getName(), f.get(null));
            }
        }
        assertThat(protocol.size()).as("groups in the part's PROTOCOL").isEqualTo(1);
        assertThat(inPart).isEqualTo(java);
    }

    @Test
    void thePartIsServedAtItsOwnPathWithAVersionedTag() {
        RuntimeScript part = RuntimeScript.persistPart();
        assertThat(part.path()).isEqualTo(LiveProtocol.Paths.PERSIST_RUNTIME);
        assertThat(part.tag("n0nce")).isEqualTo("<script src=\"" + LiveProtocol.Paths.PERSIST_RUNTIME + "?v=" + part.version() + "\" nonce=\"n0nce\"></script>");
    }

    @Test
    void thePartStaysWithinOneAndAHalfKilobytesGzipped() throws IOException {
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
