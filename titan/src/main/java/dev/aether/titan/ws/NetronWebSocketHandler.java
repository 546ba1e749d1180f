package dev.aether.titan.ws;

import dev.aether.netron.protocol.stream.StreamLimits;
import dev.aether.netron.protocol.packet.PacketCodec;
import dev.aether.titan.TitanSettings;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.event.Events;
import dev.aether.titan.inbound.InboundBudget;
import dev.aether.titan.transport.SocketFrames;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.component.Graceful;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.websocket.core.server.WebSocketUpgradeHandler;

/**
 * The Jetty handler of Netron over WebSocket: upgrade requests (on any path, so a wrong path
 * gets the Netron close code 4000 rather than an HTTP error a browser cannot read) become
 * {@link NetronSocket}s; every other request goes to the wrapped handler.
 *
 * <p>It takes part in Jetty's graceful stop: {@link #shutdown()} completes when every call
 * accepted on every connection has had its reply written, so {@code Titan.stop()} never cuts
 * a finished call's answer off. Every connection is told 1001 (server going away) as the stop
 * begins; its close frame follows the replies already sent.
 *
 * <p>It serves the sockets on Jetty's websocket-core rather than its listener API, which would
 * need {@link NetronSocket}'s package exported to everyone (see {@link SocketFrames}).
 *
 * <pre>{@code
 * NetronWebSocketHandler ws = WebSocketEndpoint.wrap(server, httpHandler, dispatcher, settings, WebSocketOptions.defaults());
 * server.setHandler(ws);
 * ws.connections();   // open Netron connections
 * }</pre>
 */
public final class NetronWebSocketHandler extends Handler.Wrapper implements Graceful {
    /** Text messages are only ever the handshake. */
    private static final int MAX_TEXT_BYTES = 64 * 1024;
    /** Jetty splits larger incoming frames (auto-fragment), which keeps its buffers small; we join them up to the packet limit. */
    private static final int MAX_FRAME_BYTES = 64 * 1024;

    private final Peers peers = new Peers();
    private final Scheduler scheduler;
    private volatile CompletableFuture<Void> shutdown;

    NetronWebSocketHandler(Server server, Handler next, Dispatcher dispatcher, TitanSettings settings, WebSocketOptions options,
                           Events events, StreamLimits streamLimits) {
        this.scheduler = server.getScheduler();
        UpgradeGate gate = new UpgradeGate(dispatcher, settings);
        SocketContext context = new SocketContext(dispatcher.peerId(),
                new PacketCodec(dispatcher.codec(), settings.maxPacketBytes()), new PacketRouter(dispatcher, settings),
                options, settings.maxPacketBytes(), InboundBudget.of(server), scheduler, peers, events, streamLimits);
        WebSocketUpgradeHandler upgrade = new WebSocketUpgradeHandler(WebSocketServerComponents.ensureWebSocketComponents(server));
        upgrade.getConfiguration().setMaxTextMessageSize(MAX_TEXT_BYTES);
        upgrade.getConfiguration().setMaxFrameSize(MAX_FRAME_BYTES);
        upgrade.getConfiguration().setAutoFragment(true);
        // Pings keep a healthy connection busy; the idle timeout only catches what the heartbeat misses.
        upgrade.getConfiguration().setIdleTimeout(options.pingInterval().multipliedBy(2).plus(options.pongTimeout()));
        WebSocketNegotiator negotiator = (request, response, callback) -> new SocketFrames(new NetronSocket(gate.admit(request), context));
        upgrade.addMapping("/*", negotiator);
        upgrade.setHandler(next);
        setHandler(upgrade);
    }

    /** Streams open on all connections, both directions. */
    public int openStreams() {
        return peers.openStreams();
    }

    /** Open Netron connections (rejected ones excluded). */
    public int connections() {
        return peers.connections();
    }

    /** Calls accepted on open connections whose replies are not written yet. */
    public int callsInFlight() {
        return peers.callsInFlight();
    }

    @Override
    public CompletableFuture<Void> shutdown() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        shutdown = done;
        // As Jetty's own WebSocket container does: the close frame goes out after the replies already sent.
        peers.goAway();
        awaitReplies(done);
        return done;
    }

    @Override
    public boolean isShutdown() {
        CompletableFuture<Void> done = shutdown;
        return done != null && done.isDone();
    }

    private void awaitReplies(CompletableFuture<Void> done) {
        if (peers.callsInFlight() == 0) {
            done.complete(null);
        } else {
            // Jetty bounds the wait by the server's stop timeout.
            scheduler.schedule(() -> awaitReplies(done), Duration.ofMillis(10).toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
