package dev.aether.benchmarks.rpc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load generator: {@link Scenario#inFlight()} virtual threads each make an
 * operation, wait for it, and make the next, so exactly that many are always in flight. Every
 * scenario gets the same generator, so its own overhead (a virtual-thread park per call) is the
 * same for Netron and gRPC.
 *
 * <p>{@link #measure} records every operation that starts and ends inside the window;
 * operations that straddle its end are not counted.
 *
 * <pre>{@code
 * ClosedLoop loop = new ClosedLoop();
 * loop.measure(scenario, Duration.ofSeconds(5));                    // warm-up: result ignored
 * Measurement m = loop.measure(scenario, Duration.ofSeconds(10));
 * }</pre>
 */
public final class ClosedLoop {
    // Shared by all scenarios so that sequence numbers (and so echo ids) never repeat in a run.
    private final AtomicLong sequence = new AtomicLong();

    public Measurement measure(Scenario scenario, Duration window) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + window.toNanos();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        List<LatencySamples> samples = new ArrayList<>();
        List<Future<?>> workers = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < scenario.inFlight(); i++) {
                LatencySamples mine = new LatencySamples();
                samples.add(mine);
                workers.add(threads.submit(() -> {
                    long now = System.nanoTime();
                    while (now < end) {
                        long began = now;
                        try {
                            scenario.operate(sequence.getAndIncrement());
                            now = System.nanoTime();
                            if (now <= end) {
                                mine.add(now - began);
                            }
                        } catch (Exception | AssertionError e) {
                            now = System.nanoTime();
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("load worker crashed", e.getCause());
                }
            }
        }
        if (firstError.get() != null) {
            System.err.println(scenario.name() + ": " + errors.get() + " failed operations, the first: " + firstError.get());
        }
        return new Measurement(LatencySamples.merge(samples), errors.get(), window.toNanos() / 1e9);
    }
}
