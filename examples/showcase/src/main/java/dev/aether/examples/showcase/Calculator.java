package dev.aether.examples.showcase;

import dev.aether.netron.protocol.Service;
import java.util.concurrent.CompletableFuture;

/**
 * The calculator's contract: what clients call and what {@link CalculatorService} serves.
 *
 * <pre>{@code
 * Calculator calc = client.service(Calculator.class);
 * calc.add(2, 3);                       // 5
 * calc.divide(1, 0);                    // ValidationException (422) "Cannot divide by zero"
 * calc.fibonacci(50).join();            // 12586269025, computed without blocking the caller
 * }</pre>
 */
@Service("calculator@1.0.0")
public interface Calculator {
    /** {@code a + b}; fails with 422 when the sum does not fit an int. */
    int add(int a, int b);

    /** {@code a / b}; fails with 422 when {@code b} is zero. */
    double divide(double a, double b);

    /** The n-th Fibonacci number (0 ≤ n ≤ 92), computed off the caller's thread. */
    CompletableFuture<Long> fibonacci(int n);
}
