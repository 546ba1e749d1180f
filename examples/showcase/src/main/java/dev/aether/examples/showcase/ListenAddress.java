package dev.aether.examples.showcase;

import java.util.Map;

/**
 * Where the example application listens: 127.0.0.1 (only this machine can reach it) and the
 * port from the {@code PORT} environment variable, 8080 by default.
 *
 * <pre>{@code
 * ListenAddress.fromEnvironment(Map.of("PORT", "9090"));   // 127.0.0.1:9090
 * ListenAddress.fromEnvironment(System.getenv());          // 127.0.0.1:8080 unless PORT is set
 * }</pre>
 *
 * @param host the interface to bind
 * @param port 0 to 65535; 0 picks a free port
 */
public record ListenAddress(String host, int port) {
    /** The host the example binds: loopback, because the demo authenticator is not safe to expose. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** The port used when {@code PORT} is not set. */
    public static final int DEFAULT_PORT = 8080;

    public ListenAddress {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
    }

    public static ListenAddress of(String host, int port) {
        return new ListenAddress(host, port);
    }

    /** 127.0.0.1 and {@code PORT} (default 8080); a {@code PORT} that is not a number is an error that says so. */
    public static ListenAddress fromEnvironment(Map<String, String> environment) {
        String port = environment.get("PORT");
        if (port == null || port.isBlank()) {
            return new ListenAddress(DEFAULT_HOST, DEFAULT_PORT);
        }
        try {
            return new ListenAddress(DEFAULT_HOST, Integer.parseInt(port.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number from 0 to 65535, got \"" + port + "\"", e);
        }
    }
}
