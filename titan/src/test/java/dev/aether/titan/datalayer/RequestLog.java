package dev.aether.titan.datalayer;

import dev.aether.titan.Mount;
import dev.aether.titan.TitanSettings;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/** A mount that records the path of every request reaching Titan, then passes it on: how tests count requests. */
final class RequestLog implements Mount {
    private final ConcurrentLinkedQueue<String> paths = new ConcurrentLinkedQueue<>();

    @Override
    public Handler wrap(Server server, Handler next, TitanSettings settings) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                paths.add(Request.getPathInContext(request));
                return super.handle(request, response, callback);
            }
        };
    }

    /** The paths requested so far, in arrival order. */
    List<String> paths() {
        return List.copyOf(paths);
    }
}
