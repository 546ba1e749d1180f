package dev.aether.netron.client.middleware;

import java.time.Duration;

/**
 * Time one middleware spent in its stages, over all the calls it saw.
 *
 * <pre>{@code
 * interceptor.timings().forEach((name, t) -> log.info("{}: {} calls, {} on average", name, t.calls(), t.average()));
 * }</pre>
 *
 * @param calls how many calls it saw
 * @param total the time its stages took in all
 */
public record MiddlewareTiming(long calls, Duration total) {
    /** The time its stages took per call. */
    public Duration average() {
        return calls == 0 ? Duration.ZERO : total.dividedBy(calls);
    }
}
