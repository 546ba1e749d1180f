package dev.aether.netron.client.middleware;

import dev.aether.netron.client.call.Call;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One call as its middleware sees it, shared by the stages of that call: the call as it is now
 * (changed by the pre-request stages so far), when it started, and attributes a middleware
 * keeps between its stages.
 *
 * <pre>{@code
 * public Before before(MiddlewareContext context) {
 *     context.attribute("traceId", UUID.randomUUID().toString());
 *     return Before.proceed(context.call());
 * }
 * }</pre>
 */
public final class MiddlewareContext {
    private final long startNanos = System.nanoTime();
    private volatile Call call;
    private volatile Map<String, Object> attributes;

    MiddlewareContext(Call call) {
        this.call = call;
    }

    /** The call, as changed by the pre-request stages that ran so far. */
    public Call call() {
        return call;
    }

    void call(Call call) {
        this.call = call;
    }

    /** Time since the call reached the middleware. */
    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** Keeps {@code value} under {@code name} for the later stages of this call. */
    public void attribute(String name, Object value) {
        Map<String, Object> map = attributes;
        if (map == null) {
            synchronized (this) {
                if (attributes == null) {
                    attributes = new ConcurrentHashMap<>();
                }
                map = attributes;
            }
        }
        map.put(name, value);
    }

    /** What an earlier stage kept under {@code name}, or null. */
    public Object attribute(String name) {
        Map<String, Object> map = attributes;
        return map == null ? null : map.get(name);
    }
}
