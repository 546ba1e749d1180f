package dev.aether.netron.client.fluent;

import java.time.Duration;

/**
 * How one fluent call went, as the reference's {@code metrics({duration, cacheHit})}.
 *
 * <pre>{@code
 * client.fluent(Users.class).metrics(m -> timer.record(m.duration())).call(u -> u.find(42));
 * }</pre>
 *
 * @param service  the service called
 * @param method   the method called
 * @param duration from the call to its answer (after transform, validation and fallback)
 * @param cacheHit whether a fresh cache entry answered it
 * @param error    what it failed with (after fallback: null if a fallback answered), or null
 */
public record CallMetrics(String service, String method, Duration duration, boolean cacheHit, Throwable error) {
    /** Whether the caller got a value. */
    public boolean succeeded() {
        return error == null;
    }
}
