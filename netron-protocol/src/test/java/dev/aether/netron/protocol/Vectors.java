package dev.aether.netron.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The golden vectors (test resources under {@code netron-vectors/}), read as they are. */
final class Vectors {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {
    }

    /** Where the vectors live on the test class path (copied from the reference; see its README). */
    static final String RESOURCE_DIR = "/netron-vectors/";

    static JsonNode read(String file) {
        try (InputStream in = Vectors.class.getResourceAsStream(RESOURCE_DIR + file)) {
            if (in == null) throw new IllegalStateException("Golden vector file missing from the test class path: " + RESOURCE_DIR + file);
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> entries(String file) {
        List<JsonNode> out = new ArrayList<>();
        read(file).forEach(out::add);
        return out;
    }

    static List<JsonNode> entries(String file, String array) {
        List<JsonNode> out = new ArrayList<>();
        read(file).get(array).forEach(out::add);
        return out;
    }

    /** The bytes of an entry: {@code hex}, or {@code hexPattern} {prefix, repeat, count}. */
    static byte[] bytes(JsonNode entry) {
        if (entry.hasNonNull("hex")) return HEX.parseHex(entry.get("hex").asText());
        JsonNode p = entry.get("hexPattern");
        String prefix = p.get("prefix").asText();
        String repeat = p.get("repeat").asText();
        int count = p.get("count").asInt();
        byte[] pre = HEX.parseHex(prefix);
        byte[] rep = HEX.parseHex(repeat);
        byte[] out = new byte[pre.length + rep.length * count];
        System.arraycopy(pre, 0, out, 0, pre.length);
        for (int i = 0; i < count; i++) System.arraycopy(rep, 0, out, pre.length + i * rep.length, rep.length);
        return out;
    }

    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    static byte[] unhex(String s) {
        return HEX.parseHex(s);
    }
}
