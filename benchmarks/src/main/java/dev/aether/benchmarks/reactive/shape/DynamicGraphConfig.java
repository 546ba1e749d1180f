package dev.aether.benchmarks.reactive.shape;

/**
 * One configuration of the JS benchmark's rectangular dependency graph, with the sum of the
 * read leaves and the number of computed evaluations the original's config.ts expects (checked
 * against {@link DynamicGraphReference}'s exact minimum, and both frameworks against both).
 *
 * @param width          sources, and computeds per layer
 * @param totalLayers    layers including the source layer
 * @param staticFraction share of computeds that always read all their sources
 * @param nSources       sources each computed reads (neighbours in the layer above)
 * @param readFraction   share of leaves read after each write
 * @param iterations     writes per run
 */
public record DynamicGraphConfig(String name, int width, int totalLayers, double staticFraction, int nSources,
                                 double readFraction, int iterations, long expectedSum, long expectedCount) {
    /** "large web app" in the JS config.ts, reported by later versions as "1000x12 - 4 sources - dynamic". */
    public static final DynamicGraphConfig LARGE = new DynamicGraphConfig("1000x12 - 4 sources - dynamic",
            1000, 12, 0.95, 4, 1, 7000, 29_355_933_696_000L, 1_473_791L);
}
