package dev.aether.benchmarks.reactive;

import dev.aether.benchmarks.reactive.framework.FrameworkKind;
import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.shape.Shape;
import dev.aether.benchmarks.reactive.shape.ShapeKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * The js-reactivity-benchmark shapes on Aether and on JavaFX properties, in one run. One op is
 * one pass of a shape's update loop (see each shape's Javadoc), checks included, so ops/s of the
 * two frameworks on the same shape compare directly.
 *
 * <p>Thread scope: Aether nodes are confined to the thread that made them, and {@code @Setup}
 * runs on the benchmark thread. 10 shapes × 2 frameworks × 15 s ≈ 5 minutes plus JVM start-up and setup; warm-up is 5 × 2 s because the 1 s iterations were still climbing after 3 s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
public class ReactivityBenchmark {
    @Param({"AVOIDABLE", "BROAD", "DEEP", "DIAMOND", "MUX", "REPEATED", "TRIANGLE", "UNSTABLE", "CELLX_1000",
            "DYNAMIC_1000X12"})
    public ShapeKind shape;

    @Param({"AETHER", "JAVAFX"})
    public FrameworkKind framework;

    private ReactiveFramework fw;
    private Shape built;

    @Setup
    public void build() {
        fw = framework.create();
        built = shape.build(fw);
    }

    @TearDown
    public void dispose() {
        fw.cleanup();
    }

    @Benchmark
    public long run() {
        return built.run();
    }
}
