package dev.aether.web.live;

import dev.aether.web.protocol.LiveProtocol;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Serves the browser scripts, each at its path ({@link LiveProtocol.Paths#RUNTIME} for the core,
 * {@link LiveProtocol.Paths#ROUTER_RUNTIME} and {@link LiveProtocol.Paths#PERSIST_RUNTIME} for the
 * parts), cached for a year: the URL carries the script's version, and a revalidation with the
 * current ETag gets a 304. Passes every other request on.
 *
 * <pre>{@code
 * Handler chain = new RuntimeScriptHandler(pagesAndEverythingElse, RuntimeScript.load(), RuntimeScript.loadRouter());
 * }</pre>
 */
final class RuntimeScriptHandler extends Handler.Wrapper {
    private final List<RuntimeScript> scripts;

    RuntimeScriptHandler(Handler next, RuntimeScript... scripts) {
        super(next);
        this.scripts = List.of(scripts);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        RuntimeScript runtime = scripts.stream().filter(s -> s.path().equals(path)).findFirst().orElse(null);
        if (runtime == null || !request.getMethod().equals("GET")) {
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
