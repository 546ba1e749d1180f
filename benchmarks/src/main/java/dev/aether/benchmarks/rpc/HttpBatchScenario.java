package dev.aether.benchmarks.rpc;

import java.net.URI;

/**
 * One operation is {@code size} echo calls in one {@code POST /netron/batch}; its latency is
 * the time for all of them.
 *
 * <pre>{@code
 * Scenario batch = new HttpBatchScenario(titan.httpUri(), 100);
 * }</pre>
 */
public final class HttpBatchScenario implements Scenario {
    private final JsonEchoClient client;
    private final int size;

    public HttpBatchScenario(URI base, int size) {
        this.client = new JsonEchoClient(base);
        this.size = size;
    }

    @Override
    public String name() {
        return "Netron HTTP batch of " + size;
    }

    @Override
    public int inFlight() {
        return 1;
    }

    @Override
    public int callsPerOperation() {
        return size;
    }

    @Override
    public void operate(long sequence) throws Exception {
        client.batch(sequence * size, size);
    }

    @Override
    public void close() {
        client.close();
    }
}
