package dev.aether.web.live;

import dev.aether.web.protocol.LiveProtocol;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves a script of the browser runtime at its path ({@link LiveProtocol.Paths#RUNTIME} for the
 * core, {@link LiveProtocol.Paths#PERSIST_RUNTIME} for the persist part), cached for a year: its URL
 * carries its version, and a revalidation with the current ETag gets a 304. Passes every other
 * request on.
 *
 * <pre>{@code
 * Handler chain = new RuntimeScriptHandler(pagesAndEverythingElse, RuntimeScript.load());
 * }</pre>
 */
final class RuntimeScriptHandler extends Handler.Wrapper {
    private final RuntimeScript runtime;

    RuntimeScriptHandler(Handler next, RuntimeScript runtime) {
        super(next);
        this.runtime = runtime;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!Request.getPathInContext(request).equals(runtime.path()) || !request.getMethod().equals("GET")) {
            return super.handle(request, response, callback);
        }
        String etag = "\"" + runtime.version() + "\"";
        response.getHeaders().put(HttpHeader.ETAG, etag);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "public, max-age=31536000, immutable");
        if (etag.equals(request.getHeaders().get(HttpHeader.IF_NONE_MATCH))) {
            response.setStatus(HttpStatus.NOT_MODIFIED_304);
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/javascript; charset=utf-8");
        response.write(true, ByteBuffer.wrap(runtime.bytes()), callback);
        return true;
    }
}
