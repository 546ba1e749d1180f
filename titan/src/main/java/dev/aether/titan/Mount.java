package dev.aether.titan;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * Something served by Titan's HTTP server in front of Netron's routes: aether-web's live pages
 * are one. Each mount wraps the handlers after it: it answers the requests that are its own and
 * passes every other one to {@code next}.
 *
 * <pre>{@code
 * Titan.builder()
 *         .service(new CalculatorService())
 *         .mount(AetherWeb.builder().page("/", request -> counterPage()).build())
 *         .build()
 *         .start();
 * }</pre>
 */
public interface Mount {
    /**
     * Called once when Titan starts.
     *
     * @param server   the Jetty server (for its scheduler and WebSocket support)
     * @param next     the handler to pass other requests to (Netron over WebSocket and HTTP)
     * @param settings Titan's settings (host, allowed origins, limits)
     */
    Handler wrap(Server server, Handler next, TitanSettings settings);

    /** Called when Titan stops, before the server closes: end what the mount holds. */
    default void stop() {
    }
}
