package dev.aether.benchmarks.rpc;

/**
 * One thing to measure: how to make one operation (a call, or a batch of calls), how many
 * operations to keep in flight, and how many echo calls one operation stands for.
 *
 * <pre>{@code
 * Scenario grpc = new GrpcEchoScenario(server.port(), 64);
 * Measurement m = new ClosedLoop().measure(grpc, Duration.ofSeconds(10));
 * }</pre>
 */
public interface Scenario extends AutoCloseable {
    /** A short name for the table, e.g. {@code grpc unary, 64 in flight}. */
    String name();

    /** How many operations the load generator keeps in flight (one virtual thread each). */
    int inFlight();

    /** How many echo calls one operation makes: 1, or 100 for the batch comparisons. */
    default int callsPerOperation() {
        return 1;
    }

    /**
     * Makes one operation and waits for it; {@code sequence} is unique per operation. Throws if
     * any answer is not the echo of what was sent, so a fast but wrong stack cannot win.
     */
    void operate(long sequence) throws Exception;

    /** Releases connections and clients. */
    @Override
    void close();
}
