package dev.aether.titan.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.aether.netron.protocol.http.NetronJson;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.titan.TitanSettings;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.call.KeptResults;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Netron over HTTP (netron-wire.md §3): {@code POST /netron/invoke}, {@code /netron/batch},
 * {@code /netron/authenticate}, {@code /netron/query_interface} (our extension),
 * {@code GET /health}, {@code GET /metrics} and CORS preflight for any path.
 *
 * <pre>{@code
 * server.setHandler(new HttpEndpoint(dispatcher, settings, meters));   // Titan does this
 * }</pre>
 *
 * <p>Every request runs blocking on its own virtual thread (Jetty's default for
 * {@code Handler.Abstract}, with Titan's virtual-thread executor). Failures before an answer
 * are answered in the §3 error shape with the error's status; the tracing headers are on every
 * response, and {@code Cache-Control: no-store, no-cache, must-revalidate} on every one but the
 * successful results of {@code @Cacheable} methods ({@link InvokeRoute}). While
 * Titan drains, every route but {@code /health} and {@code /metrics} answers 503.
 */
public final class HttpEndpoint extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(HttpEndpoint.class);

    /** What a 503 answered while the server stops says in Retry-After: another instance usually takes over within seconds. */
    static final int RETRY_AFTER_STOPPING_SECONDS = 5;

    private final Dispatcher dispatcher;
    private final JsonBody body;
    private final Cors cors;
    private final Map<String, Binding> routes;

    /**
     * @param dispatcher the call pipeline every route goes through
     * @param settings   limits, timeouts, the metrics token and the allowed origins
     * @param meters     the registry {@code GET /metrics} exposes
     */
    public HttpEndpoint(Dispatcher dispatcher, TitanSettings settings, PrometheusMeterRegistry meters) {
        this.dispatcher = dispatcher;
        this.cors = new Cors(settings);
        this.body = new JsonBody(settings.maxBodyBytes());
        BearerAuth auth = new BearerAuth(dispatcher);
        Calls calls = new Calls(dispatcher, settings.requestTimeout(), new KeptResults<JsonNode>(settings.idempotency(), data -> NetronJson.write(data).length()));
        this.routes = Map.of(
                "/netron/invoke", new Binding("POST", new InvokeRoute(calls, auth, body), true),
                "/netron/batch", new Binding("POST", new BatchRoute(calls, auth, body, new BatchSize(settings.limits().maxBatchItems())), true),
                "/netron/authenticate", new Binding("POST", new AuthenticateRoute(dispatcher, body), true),
                "/netron/query_interface", new Binding("POST", new QueryInterfaceRoute(dispatcher, auth, body), true),
                "/health", new Binding("GET", new HealthRoute(dispatcher), false),
                "/metrics", new Binding("GET", new MetricsRoute(meters, settings.metricsToken()), false));
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        try {
            route(exchange);
        } catch (NetronException e) {
            fail(exchange, e);
        } catch (IOException e) {
            // A body cut off because the server is stopping is not the client's fault: it may retry.
            fail(exchange, dispatcher.draining() ? TransportException.unavailable("Server is shutting down")
                    : new NetronException(400, "Could not read the request body"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(exchange, TransportException.unavailable("Server is shutting down"));
        } catch (Exception e) {
            fail(exchange, Dispatcher.toNetron(e, "http", exchange.path()));
        }
        return true;
    }

    private void route(Exchange exchange) throws Exception {
        if ("OPTIONS".equals(exchange.method())) {
            cors.preflight(exchange);
            return;
        }
        cors.check(exchange);
        Binding binding = routes.get(exchange.path());
        if (binding == null) {
            throw new NetronException(404, "Not found");
        }
        if (!binding.method().equals(exchange.method())) {
            exchange.response().getHeaders().put(HttpHeader.ALLOW, binding.method() + ", OPTIONS");
            throw new NetronException(405, "Method not allowed: use " + binding.method());
        }
        if (binding.drains() && dispatcher.draining()) {
            throw TransportException.unavailable("Server is shutting down");
        }
        binding.route().handle(exchange);
    }

    /** Answers the requests whose bodies are still arriving with 503 now; Titan calls this when it stops. */
    public void abortBodyReads() {
        body.abortReads();
    }

    private void fail(Exchange exchange, NetronException error) {
        if (exchange.answered()) {
            LOG.warn("request {} failed after its answer was sent", exchange.trace().requestId(), error);
            return;
        }
        // A 413 closes even when JsonBody could read the rest of the body (as documented): the
        // connection has carried more than the server accepts.
        if (error.code() == 413 || !exchange.request().consumeAvailable()) {
            // Refused before its body was read (404, 405, 401, 413...): the rest of the body is not
            // worth reading, and Jetty drops the connection after the answer. Say so, or a client
            // that pools connections sends its next request into a closed socket.
            exchange.response().getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        if (error.code() == 503 && dispatcher.draining()) {
            exchange.response().getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(RETRY_AFTER_STOPPING_SECONDS));
        }
        exchange.sendError(error, null);
    }

    /** A route, its one HTTP method, and whether it closes while the server drains. */
    private record Binding(String method, Route route, boolean drains) {
    }
}
