package dev.aether.titan.ws;

import dev.aether.netron.protocol.msgpack.NetronMsgpack;
import dev.aether.netron.protocol.stream.StreamLimits;
import dev.aether.titan.TitanSettings;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.event.Events;
import dev.aether.titan.service.ServiceModel;
import dev.aether.titan.service.ServiceRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * The WebSocket endpoint on a bare Jetty server, for tests that need {@link WebSocketOptions}
 * Titan does not expose (short heartbeat, small in-flight cap) or the handler's counters.
 */
final class WsHarness implements AutoCloseable {
    final Server server = new Server();
    final Dispatcher dispatcher;
    final NetronWebSocketHandler handler;
    private final ServerConnector connector;

    WsHarness(WebSocketOptions options, Object... services) {
        this(options, Events.inProcess(), StreamLimits.defaults(), services);
    }

    /** The same, with explicit limits for the streams of each connection. */
    WsHarness(WebSocketOptions options, StreamLimits streamLimits, Object... services) {
        this(options, Events.inProcess(), streamLimits, services);
    }

    /** The same, serving the events of {@code events} (its bus is what tests emit on and count). */
    WsHarness(WebSocketOptions options, Events events, Object... services) {
        this(options, events, StreamLimits.defaults(), services);
    }

    private WsHarness(WebSocketOptions options, Events events, StreamLimits streamLimits, Object... services) {
        ServiceRegistry registry = new ServiceRegistry();
        for (Object service : services) {
            registry.register(ServiceModel.of(service));
        }
        dispatcher = new Dispatcher(registry, NetronMsgpack.standard(), null, false, null, new SimpleMeterRegistry(), "harness");
        TitanSettings settings = new TitanSettings("127.0.0.1", 0, Duration.ofSeconds(5), 1 << 20, 1 << 20, false, null,
                List.of(), Duration.ofSeconds(5), "/");
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        handler = WebSocketEndpoint.wrap(server, new NotFound(), dispatcher, settings, options, events, streamLimits);
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
        dispatcher.shutdown();
    }

    private static final class NotFound extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            Response.writeError(request, response, callback, 404);
            return true;
        }
    }
}
