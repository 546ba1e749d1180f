package dev.aether.benchmarks.reactive;

import dev.aether.benchmarks.reactive.framework.FrameworkKind;
import dev.aether.benchmarks.reactive.framework.ReactiveFramework;
import dev.aether.benchmarks.reactive.shape.Shape;
import dev.aether.benchmarks.reactive.shape.ShapeKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatCode;

/** Every shape, on every framework, passes its own checks: the benchmark measures correct work. */
class ShapesTest {
    static Stream<Arguments> shapesOnFrameworks() {
        return Arrays.stream(ShapeKind.values())
                .flatMap(shape -> Arrays.stream(FrameworkKind.values()).map(fw -> Arguments.of(shape, fw)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("shapesOnFrameworks")
    void passesItsChecks(ShapeKind shapeKind, FrameworkKind frameworkKind) {
        ReactiveFramework fw = frameworkKind.create();
        Shape shape = shapeKind.build(fw);
        try {
            // Twice: the second op starts from the state the first one left, as under JMH.
            assertThatCode(() -> {
                shape.run();
                shape.run();
            }).doesNotThrowAnyException();
        } finally {
            fw.cleanup();
        }
    }
}
