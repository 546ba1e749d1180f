package dev.aether.netron.protocol;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The golden vectors in ../shared/netron-vectors, read as they are. */
final class Vectors {

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);
    private static final HexFormat HEX = HexFormat.of();

    private Vectors() {
    }

    /** Walks up from the working directory (the module) to the folder holding shared/netron-vectors. */
    static Path dir() {
        String override = System.getProperty("netron.vectors");
        if (override != null) return Path.of(override);
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            for (Path candidate : List.of(p.resolve("shared/netron-vectors"), p.resolve("../shared/netron-vectors"))) {
                if (Files.isDirectory(candidate)) return candidate.normalize();
            }
        }
        throw new IllegalStateException("Golden vectors not found: no shared/netron-vectors or ../shared/netron-vectors "
                + "above " + start + " (set -Dnetron.vectors=<dir> to point at them)");
    }

    static JsonNode read(String file) {
        try {
            return JSON.readTree(dir().resolve(file).toFile());
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
