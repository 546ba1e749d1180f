package dev.aether.titan.http;

import dev.aether.netron.protocol.http.RequestHints;
import java.time.Duration;

/**
 * The timeout of one call: {@code hints.timeout} (ms) when the caller sends a positive one, as
 * §3 says it overrides the server's, else the server's request timeout.
 *
 * <pre>{@code
 * Duration timeout = Timeouts.of(request.hints(), settings.requestTimeout());
 * }</pre>
 */
final class Timeouts {
    private Timeouts() {
    }

    static Duration of(RequestHints hints, Duration serverDefault) {
        return hints != null && hints.timeout() != null && hints.timeout() > 0
                ? Duration.ofMillis(hints.timeout()) : serverDefault;
    }
}
