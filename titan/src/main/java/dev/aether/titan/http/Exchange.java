package dev.aether.titan.http;

import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.http.InvokeResponse;
import dev.aether.netron.protocol.http.NetronJson;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP request and its response as the routes see it: headers in, one JSON (or text)
 * answer out, with the tracing headers and {@code Cache-Control: no-store} every Netron
 * response carries. Exactly one {@code send*} call completes the exchange.
 *
 * <pre>{@code
 * exchange.sendJson(200, InvokeResponse.success(id, data, hints));
 * exchange.sendError(e, id);
 * }</pre>
 */
final class Exchange {
    static final String NO_STORE = "no-store, no-cache, must-revalidate";

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final TraceIds trace;
    private boolean answered;

    Exchange(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.trace = TraceIds.from(request.getHeaders());
    }

    Request request() {
        return request;
    }

    Response response() {
        return response;
    }

    TraceIds trace() {
        return trace;
    }

    /** Whether a {@code send*} call has started the answer. */
    boolean answered() {
        return answered;
    }

    String method() {
        return request.getMethod();
    }

    String path() {
        return Request.getPathInContext(request);
    }

    String header(String name) {
        return request.getHeaders().get(name);
    }

    /** The peer's IP address as the socket sees it (forwarding headers are not trusted: anyone can send them). */
    String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    void sendJson(int status, Object body) {
        send(status, "application/json", NetronJson.write(body));
    }

    /** The error shape of §3, with its status and headers; {@code id} is the body's id, else the request id. */
    void sendError(NetronException error, String id) {
        ErrorReply reply = ErrorReply.of(error);
        reply.writeHeadersTo(response.getHeaders());
        sendJson(reply.status(), InvokeResponse.failure(id == null ? trace.requestId() : id, reply.body()));
    }

    void sendEmpty(int status) {
        answered = true;
        trace.writeTo(response.getHeaders());
        response.setStatus(status);
        response.write(true, null, callback);
    }

    /**
     * Starts a streamed answer of text lines (never cached); each line is written and flushed on
     * its own. Closing the writer ends the response and completes the exchange.
     */
    LineWriter sendLines(int status, String contentType) {
        answered = true;
        trace.writeTo(response.getHeaders());
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, NO_STORE);
        return new LineWriter(Content.Sink.asOutputStream(response), callback);
    }

    void send(int status, String contentType, String body) {
        answered = true;
        trace.writeTo(response.getHeaders());
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
        if (!response.getHeaders().contains(HttpHeader.CACHE_CONTROL)) {
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, NO_STORE);
        }
        Content.Sink.write(response, true, body, callback);
    }
}
