package dev.aether.netron.client.middleware;

import dev.aether.netron.client.call.Call;
import java.time.Duration;

/**
 * Told about each call slower than a {@link TimingMiddleware}'s threshold.
 *
 * <pre>{@code
 * SlowCallListener alert = (call, took) -> metrics.counter("slow_calls", "method", call.method()).increment();
 * }</pre>
 */
@FunctionalInterface
public interface SlowCallListener {
    void onSlowCall(Call call, Duration took, boolean failed);
}
