package dev.aether.titan.ws;

import dev.aether.netron.protocol.stream.StreamLimits;
import dev.aether.titan.TitanSettings;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.event.Events;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;

/**
 * Netron over WebSocket (netron-wire.md §4): the {@code id} / {@code client-id} handshake,
 * CALL/GET/SET/TASK/PING packets, the core tasks (events included), keep-alive pings, close codes 4000/4001/4029.
 * Upgrade requests are served on {@link TitanSettings#webSocketPath()}; every other request
 * passes to {@code next}.
 *
 * <pre>{@code
 * Handler app = new HttpEndpoint(dispatcher, settings, meters);
 * server.setHandler(WebSocketEndpoint.wrap(server, app, dispatcher, settings));
 * }</pre>
 *
 * <p>Auth: a token in {@code Authorization: Bearer} or {@code ?token=} is validated at upgrade
 * (invalid: close 4001), or later with the {@code authenticate} task; without one the
 * connection is anonymous. A browser connection's Origin must be the server's own (its host and
 * port are the request's Host) or one of {@link TitanSettings#allowedOrigins()} (else 4001).
 *
 * <p>Limits: a packet larger than {@link TitanSettings#maxPacketBytes()} answers 413 without
 * being buffered; at most {@link WebSocketOptions#maxInFlightPerPeer()} calls in flight per
 * connection (256 by default; one more answers 429). See {@code docs/protocol.md}, "Serving and
 * calling over WebSocket".
 */
public final class WebSocketEndpoint {
    private WebSocketEndpoint() {
    }

    /** A handler that upgrades Netron WebSocket requests and passes everything else to {@code next}. */
    public static Handler wrap(Server server, Handler next, Dispatcher dispatcher, TitanSettings settings) {
        return wrap(server, next, dispatcher, settings, WebSocketOptions.defaults());
    }

    /** The same, with explicit connection limits and timers, and an event bus of its own (every event open). */
    public static NetronWebSocketHandler wrap(Server server, Handler next, Dispatcher dispatcher, TitanSettings settings,
                                              WebSocketOptions options) {
        return wrap(server, next, dispatcher, settings, options, Events.inProcess(), StreamLimits.defaults());
    }

    /**
     * The same, serving the events of {@code events} to subscribed peers (see
     * {@link dev.aether.titan.event.EventBus}), with explicit limits for the streams of each connection.
     */
    public static NetronWebSocketHandler wrap(Server server, Handler next, Dispatcher dispatcher, TitanSettings settings,
                                              WebSocketOptions options, Events events, StreamLimits streamLimits) {
        return new NetronWebSocketHandler(server, next, dispatcher, settings, options, events, streamLimits);
    }
}
