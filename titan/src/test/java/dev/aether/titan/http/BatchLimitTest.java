package dev.aether.titan.http;

import static dev.aether.titan.http.RawHttp.invoke;
import static dev.aether.titan.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.Service;
import dev.aether.titan.Limits;
import dev.aether.titan.Titan;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The item cap of {@code /netron/batch}: a batch over it answers 413 and runs nothing. */
class BatchLimitTest {

    /** Counts the calls that ran. */
    @Service("counter@1.0.0")
    public static final class Counter {
        final AtomicInteger calls = new AtomicInteger();

        @Public
        public int hit() {
            return calls.incrementAndGet();
        }
    }

    private static String batch(int items) {
        return "{\"id\":\"b\",\"requests\":["
                + IntStream.range(0, items).mapToObj(i -> invoke("i" + i, "counter", "hit", "[]")).collect(Collectors.joining(","))
                + "]}";
    }

    @Test
    void batchOverTheCapIs413AndRunsNothing() {
        Counter counter = new Counter();
        try (Titan titan = Titan.builder().port(0).service(counter).maxBatchItems(5).build().start()) {
            HttpResponse<String> response = new RawHttp(titan.httpUri()).post("/netron/batch", batch(6));
            assertThat(response.statusCode()).isEqualTo(413);
            JsonNode error = json(response).get("error");
            assertThat(error.get("message").asText()).isEqualTo("Batch too large: at most 5 items");
            assertThat(error.at("/details/maxItems").asInt()).isEqualTo(5);
            assertThat(counter.calls.get()).isZero();
        }
    }

    @Test
    void batchAtTheCapRunsEveryItem() {
        Counter counter = new Counter();
        try (Titan titan = Titan.builder().port(0).service(counter).maxBatchItems(5).build().start()) {
            JsonNode answer = json(new RawHttp(titan.httpUri()).post("/netron/batch", batch(5)));
            assertThat(answer.at("/hints/successCount").asInt()).isEqualTo(5);
            assertThat(counter.calls.get()).isEqualTo(5);
        }
    }

    @Test
    void defaultCapIsAHundredItems() {
        Counter counter = new Counter();
        try (Titan titan = Titan.builder().port(0).service(counter).build().start()) {
            RawHttp http = new RawHttp(titan.httpUri());
            assertThat(http.post("/netron/batch", batch(Limits.DEFAULT_MAX_BATCH_ITEMS)).statusCode()).isEqualTo(200);
            assertThat(http.post("/netron/batch", batch(Limits.DEFAULT_MAX_BATCH_ITEMS + 1)).statusCode()).isEqualTo(413);
            assertThat(counter.calls.get()).isEqualTo(Limits.DEFAULT_MAX_BATCH_ITEMS);
        }
    }
}
