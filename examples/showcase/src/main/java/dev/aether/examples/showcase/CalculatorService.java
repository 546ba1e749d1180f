package dev.aether.examples.showcase;

import dev.aether.netron.protocol.Public;
import dev.aether.netron.protocol.error.ValidationException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The calculator Titan serves: stateless, so one instance serves every caller.
 *
 * <pre>{@code
 * Titan.builder().service(new CalculatorService()).build().start();
 * }</pre>
 */
public final class CalculatorService implements Calculator {
    /** fib(92) is the largest Fibonacci number that fits a long. */
    private static final int MAX_FIBONACCI = 92;

    @Public
    @Override
    public int add(int a, int b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException overflow) {
            throw new ValidationException(422, "The sum does not fit a 32-bit integer", Map.of("field", "b"));
        }
    }

    @Public
    @Override
    public double divide(double a, double b) {
        if (b == 0) {
            // Say what went wrong and which argument: Infinity or NaN would reach the caller silently.
            throw new ValidationException(422, "Cannot divide by zero", Map.of("field", "b"));
        }
        return a / b;
    }

    @Public
    @Override
    public CompletableFuture<Long> fibonacci(int n) {
        if (n < 0 || n > MAX_FIBONACCI) {
            return CompletableFuture.failedFuture(new ValidationException(422,
                    "n must be between 0 and " + MAX_FIBONACCI, Map.of("field", "n", "value", n)));
        }
        // Titan completes the call when the future does; the request thread is not held meanwhile.
        return CompletableFuture.supplyAsync(() -> {
            long previous = 0;
            long current = 0 == n ? 0 : 1;
            for (int i = 1; i < n; i++) {
                long next = previous + current;
                previous = current;
                current = next;
            }
            return current;
        });
    }
}
