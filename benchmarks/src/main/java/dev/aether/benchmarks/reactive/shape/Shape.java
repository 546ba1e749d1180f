package dev.aether.benchmarks.reactive.shape;

/** One benchmark shape, built on a framework; {@link #run()} is one measured operation. */
public interface Shape {
    /**
     * Runs the shape's update loop once and checks every expected value and run count.
     *
     * @return a value derived from the results, for the JMH blackhole
     * @throws CheckFailedException if the framework produced a wrong value or run count
     */
    long run();
}
