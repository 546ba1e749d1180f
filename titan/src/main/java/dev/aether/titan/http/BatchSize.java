package dev.aether.titan.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.aether.netron.protocol.error.NetronException;
import java.io.IOException;
import java.util.Map;

/**
 * The item cap of {@code /netron/batch}, checked on the JSON text with a streaming parser before
 * a single item is turned into objects: a 10 MiB body of 150,000 tiny items costs a scan, not
 * 150,000 request objects and calls. Over the cap: 413, and nothing runs.
 *
 * <pre>{@code
 * new BatchSize(100).check(json);   // throws 413 for a 101-item batch
 * }</pre>
 */
final class BatchSize {
    private static final JsonFactory JSON = new JsonFactory();

    private final int maxItems;

    BatchSize(int maxItems) {
        this.maxItems = maxItems;
    }

    int maxItems() {
        return maxItems;
    }

    /** Throws 413 when the top-level {@code requests} array has more than the cap; malformed JSON is left to the real parse. */
    void check(String json) {
        int items;
        try {
            items = countRequests(json);
        } catch (IOException malformed) {
            return;
        }
        if (items > maxItems) {
            throw new NetronException(413, "Batch too large: at most " + maxItems + " items", Map.of("maxItems", maxItems));
        }
    }

    /** Elements of the top-level {@code requests} array, counting no further than one past the cap. */
    private int countRequests(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return 0;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("requests".equals(name) && value == JsonToken.START_ARRAY) {
                    int count = 0;
                    while (parser.nextToken() != JsonToken.END_ARRAY && count <= maxItems) {
                        count++;
                        parser.skipChildren();
                    }
                    return count;
                }
                parser.skipChildren();
            }
            return 0;
        }
    }
}
