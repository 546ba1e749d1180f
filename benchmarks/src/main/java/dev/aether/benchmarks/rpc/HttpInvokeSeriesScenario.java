package dev.aether.benchmarks.rpc;

import java.net.URI;

/**
 * One operation is {@code count} separate {@code POST /netron/invoke} calls, one after the
 * other: what a client does without batching. The peer of {@link HttpBatchScenario}.
 *
 * <pre>{@code
 * Scenario separate = new HttpInvokeSeriesScenario(titan.httpUri(), 100);
 * }</pre>
 */
public final class HttpInvokeSeriesScenario implements Scenario {
    private final JsonEchoClient client;
    private final int count;

    public HttpInvokeSeriesScenario(URI base, int count) {
        this.client = new JsonEchoClient(base);
        this.count = count;
    }

    @Override
    public String name() {
        return "Netron HTTP " + count + " separate invokes";
    }

    @Override
    public int inFlight() {
        return 1;
    }

    @Override
    public int callsPerOperation() {
        return count;
    }

    @Override
    public void operate(long sequence) throws Exception {
        for (int i = 0; i < count; i++) {
            client.invoke(sequence * count + i);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
