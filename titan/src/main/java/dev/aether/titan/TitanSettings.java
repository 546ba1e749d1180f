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
 * @param maxPacketBytes  the largest WebSocket packet (16 MiB)
 * @param defaultDeny     whether methods without {@link Auth} need an authenticated caller
 * @param metricsToken    the Bearer token {@code GET /metrics} requires; null keeps it closed
 * @param allowedOrigins  origins allowed by CORS and the WebSocket origin check; empty: any
 * @param stopTimeout     how long {@link Titan#stop()} waits for calls in flight (30 s)
 * @param webSocketPath   where the Netron WebSocket is served ({@code /})
 */
public record TitanSettings(String host, int port, Duration requestTimeout, int maxBodyBytes, int maxPacketBytes,
                           boolean defaultDeny, String metricsToken, List<String> allowedOrigins, Duration stopTimeout,
                           String webSocketPath) {
    public TitanSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    /** Whether a browser page from {@code origin} may call this server. */
    public boolean originAllowed(String origin) {
        return allowedOrigins.isEmpty() || (origin != null && allowedOrigins.contains(origin));
    }
}
