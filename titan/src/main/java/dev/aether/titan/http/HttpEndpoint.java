package dev.aether.titan.http;

import dev.aether.titan.TitanSettings;
import dev.aether.titan.call.Dispatcher;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Netron over HTTP: {@code POST /netron/invoke}, {@code /netron/batch}, {@code /netron/authenticate},
 * {@code GET /health}, {@code GET /metrics} and CORS preflight.
 */
public final class HttpEndpoint extends Handler.Abstract {
    private final Dispatcher dispatcher;
    private final TitanSettings settings;
    private final PrometheusMeterRegistry meters;

    public HttpEndpoint(Dispatcher dispatcher, TitanSettings settings, PrometheusMeterRegistry meters) {
        this.dispatcher = dispatcher;
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if ("/health".equals(Request.getPathInContext(request))) {
            boolean online = !dispatcher.draining();
            response.setStatus(online ? 200 : 503);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.write(true, java.nio.ByteBuffer.wrap(("{\"status\":\"" + (online ? "online" : "draining") + "\"}")
                    .getBytes(StandardCharsets.UTF_8)), callback);
            return true;
        }
        Response.writeError(request, response, callback, 404);
        return true;
    }
}
