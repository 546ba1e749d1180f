package dev.aether.web.live;

import dev.aether.netron.protocol.log.LogText;
import dev.aether.web.Page;
import dev.aether.web.safety.Escape;
import dev.aether.web.ssr.Ssr;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small HTML page the web layer answers with when it cannot serve a page: a refused form, a
 * method a path does not take, a page or action that failed (logged with an error id the page
 * shows, so a report can be matched to its stack trace).
 *
 * <pre>{@code
 * ErrorPage.send(response, callback, HttpStatus.FORBIDDEN_403, "This form could not be accepted …");
 * }</pre>
 */
final class ErrorPage {
    private static final Logger LOG = LoggerFactory.getLogger(PageHandler.class);

    private ErrorPage() {
    }

    /** A page with {@code message}, escaped. */
    static void send(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + status + "</title></head><body><p>"
                + Escape.html(message) + "</p></body></html>";
        response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** A 500 for {@code what}, which threw {@code e}: logged in full, the browser gets only the error id. */
    static void failed(Response response, Callback callback, String what, RuntimeException e) {
        failed(response, callback, what, e, null);
    }

    /**
     * The same, showing {@code page} for the error id (a route tree's error page; null: this
     * class's). A page that fails in turn is logged with the same id, and the plain page sent.
     */
    static void failed(Response response, Callback callback, String what, RuntimeException e, Function<String, Page> page) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("{} failed (error id {})", LogText.of(what), errorId, e);
        String plain = "Something went wrong on the server (error id " + errorId + ").";
        if (page == null) {
            send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, plain);
            return;
        }
        String html;
        try {
            html = Ssr.renderPage(page.apply(errorId));
        } catch (RuntimeException failed) {
            LOG.error("the error page for error id {} failed too", errorId, failed);
            send(response, callback, HttpStatus.INTERNAL_SERVER_ERROR_500, plain);
            return;
        }
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR_500);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(html.getBytes(StandardCharsets.UTF_8)), callback);
    }
}
