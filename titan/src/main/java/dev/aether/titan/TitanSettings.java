package dev.aether.titan;

import java.time.Duration;
import java.util.List;

/**
 * A Titan's configuration as its transports read it; made by {@link Titan.Builder}.
 *
 * @param host            the interface to listen on ({@code 127.0.0.1} by default)
 * @param port            the port ({@code 0}: any free port)
 * @param requestTimeout  how long a call may run (30 s; a request may ask for less or more with a hint)
 * @param maxBodyBytes    the largest HTTP request body (10 MiB)
 * @param maxPacketBytes  the largest WebSocket packet (4 MiB)
 * @param defaultDeny     whether methods without {@link Auth} need an authenticated caller
 * @param metricsToken    the Bearer token {@code GET /metrics} requires; null keeps it closed
 * @param allowedOrigins  origins besides the server's own that browsers may call from (CORS, WebSocket); empty: same origin only
 * @param stopTimeout     how long {@link Titan#stop()} waits for calls in flight (30 s)
 * @param webSocketPath   where the Netron WebSocket is served ({@code /})
 * @param limits          batch size, slow-client timeouts, unfinished WebSocket messages, authentication attempts
 * @param idempotency     how long and in how much memory results of calls with an idempotency key are kept
 */
public record TitanSettings(String host, int port, Duration requestTimeout, int maxBodyBytes, int maxPacketBytes,
                           boolean defaultDeny, String metricsToken, List<String> allowedOrigins, Duration stopTimeout,
                           String webSocketPath, Limits limits, IdempotencySettings idempotency) {
    public TitanSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
        limits = limits == null ? Limits.defaults() : limits;
        idempotency = idempotency == null ? IdempotencySettings.defaults() : idempotency;
    }

    /** Settings with the default {@link IdempotencySettings}. */
    public TitanSettings(String host, int port, Duration requestTimeout, int maxBodyBytes, int maxPacketBytes, boolean defaultDeny,
                         String metricsToken, List<String> allowedOrigins, Duration stopTimeout, String webSocketPath, Limits limits) {
        this(host, port, requestTimeout, maxBodyBytes, maxPacketBytes, defaultDeny, metricsToken, allowedOrigins, stopTimeout,
                webSocketPath, limits, IdempotencySettings.defaults());
    }

    /** Settings with the default {@link Limits}. */
    public TitanSettings(String host, int port, Duration requestTimeout, int maxBodyBytes, int maxPacketBytes, boolean defaultDeny,
                         String metricsToken, List<String> allowedOrigins, Duration stopTimeout, String webSocketPath) {
        this(host, port, requestTimeout, maxBodyBytes, maxPacketBytes, defaultDeny, metricsToken, allowedOrigins, stopTimeout,
                webSocketPath, Limits.defaults());
    }

}
