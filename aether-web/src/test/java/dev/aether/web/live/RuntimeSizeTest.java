package dev.aether.web.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The runtime's budget: at most 8 KB gzipped, comments included (docs/ui.md records the figure
 * of {@code gzip -9c aether.js | wc -c}; this measures the same compression, without the file
 * name gzip writes in its header).
 */
class RuntimeSizeTest {
    private static final int BUDGET_BYTES = 8 * 1024;
    /** The router's runtime ({@code aether-router.js}), loaded beside it by pages of a route tree. */
    private static final int ROUTER_BUDGET_BYTES = 4 * 1024;

    @Test
    void theRuntimeStaysWithinEightKilobytesGzipped() throws IOException {
        assertThat(gzippedSize(RuntimeScript.RESOURCE)).as("aether.js gzipped, in bytes").isLessThanOrEqualTo(BUDGET_BYTES);
    }

    @Test
    void theRouterRuntimeStaysWithinFourKilobytesGzipped() throws IOException {
        assertThat(gzippedSize(RuntimeScript.ROUTER_RESOURCE)).as("aether-router.js gzipped, in bytes").isLessThanOrEqualTo(ROUTER_BUDGET_BYTES);
    }

    private static int gzippedSize(String resource) throws IOException {
        byte[] runtime;
        try (InputStream in = RuntimeScript.class.getResourceAsStream(resource)) {
            runtime = in.readAllBytes();
        }
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            out.write(runtime);
        }
        return gzipped.size();
    }
}
