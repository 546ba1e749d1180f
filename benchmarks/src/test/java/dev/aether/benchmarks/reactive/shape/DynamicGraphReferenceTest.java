package dev.aether.benchmarks.reactive.shape;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Built with npm random's real generator, the large dynamic graph's exact minimum of evaluations
 * is the JS benchmark's expected count, and its leaf sum the JS expected sum.
 */
class DynamicGraphReferenceTest {
    @Test
    void theLargeGraphNeedsExactlyTheEvaluationsTheJsBenchmarkExpects() {
        DynamicGraphReference reference = new DynamicGraphReference(DynamicGraphConfig.LARGE);

        assertThat(reference.evaluations).isEqualTo(1_473_791L).isEqualTo(DynamicGraphConfig.LARGE.expectedCount());
    }

    @Test
    void theLargeGraphSumsToTheJsExpectedSum() {
        DynamicGraphReference reference = new DynamicGraphReference(DynamicGraphConfig.LARGE);

        assertThat(reference.sum).isEqualTo(29_355_933_696_000L).isEqualTo(DynamicGraphConfig.LARGE.expectedSum());
    }
}
