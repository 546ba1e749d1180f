package dev.aether.netron.client.middleware;

import dev.aether.netron.protocol.log.LogText;
import dev.aether.netron.client.call.Call;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.LoggerFactory;

/**
 * Times each call from the middleware to its answer and reports those slower than a threshold
 * (the reference's timing middleware with {@code slowThreshold}), to a listener or, by default,
 * as an SLF4J warning.
 *
 * <pre>{@code
 * MiddlewareInterceptor.builder().use("timing", new TimingMiddleware(Duration.ofMillis(500))).build();
 * }</pre>
 */
public final class TimingMiddleware implements Middleware {
    private final Duration slowThreshold;
    private final SlowCallListener listener;

    /** Warns through SLF4J about calls slower than {@code slowThreshold}. */
    public TimingMiddleware(Duration slowThreshold) {
        this(slowThreshold, (call, took, failed) -> LoggerFactory.getLogger(TimingMiddleware.class)
                .warn("slow call {}: {} ms{}", LogText.of(call.describe()), took.toMillis(), failed ? " (failed)" : ""));
    }

    public TimingMiddleware(Duration slowThreshold, SlowCallListener listener) {
        this.slowThreshold = Objects.requireNonNull(slowThreshold, "slowThreshold");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Before before(MiddlewareContext context) {
        return Before.proceed(context.call());
    }

    @Override
    public Object after(MiddlewareContext context, Object result) {
        report(context.call(), context.elapsed(), false);
        return result;
    }

    @Override
    public Throwable error(MiddlewareContext context, Throwable error) {
        report(context.call(), context.elapsed(), true);
        return error;
    }

    private void report(Call call, Duration took, boolean failed) {
        if (took.compareTo(slowThreshold) > 0) {
            listener.onSlowCall(call, took, failed);
        }
    }
}
