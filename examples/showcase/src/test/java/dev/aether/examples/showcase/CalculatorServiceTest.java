package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.titan.Titan;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The calculator through Titan's in-process client: the same dispatch, rules and errors as a remote call. */
class CalculatorServiceTest {
    private static Titan titan;
    private static Calculator calculator;

    @BeforeAll
    static void start() {
        titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();
        calculator = titan.client().service(Calculator.class);
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    @Test
    void addsTwoNumbers() {
        assertThat(calculator.add(2, 3)).isEqualTo(5);
    }

    @Test
    void overflowingSumIsAValidationError() {
        assertThatThrownBy(() -> calculator.add(Integer.MAX_VALUE, 1)).isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(422));
    }

    @Test
    void dividesTwoNumbers() {
        assertThat(calculator.divide(7, 2)).isEqualTo(3.5);
    }

    @Test
    void divisionByZeroSaysSoAndNamesTheArgument() {
        assertThatThrownBy(() -> calculator.divide(1, 0)).isInstanceOf(ValidationException.class)
                .hasMessage("Cannot divide by zero")
                .satisfies(e -> {
                    assertThat(((NetronException) e).code()).isEqualTo(422);
                    assertThat(((NetronException) e).details()).containsEntry("field", "b");
                });
    }

    @Test
    void asyncFibonacciCompletesWithTheNumber() {
        assertThat(calculator.fibonacci(0)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(0L);
        assertThat(calculator.fibonacci(1)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1L);
        assertThat(calculator.fibonacci(50)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(12_586_269_025L);
        assertThat(calculator.fibonacci(92)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(7_540_113_804_746_346_429L);
    }

    @Test
    void asyncFibonacciOutOfRangeFailsTheFuture() {
        assertThat(calculator.fibonacci(93)).failsWithin(Duration.ofSeconds(5))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOf(ValidationException.class);
    }

    @Test
    void futureFailureIsAlsoVisibleThroughJoin() {
        assertThatThrownBy(() -> calculator.fibonacci(-1).join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(ValidationException.class);
    }
}
