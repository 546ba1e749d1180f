package dev.aether.examples.showcase.web;

import dev.aether.titan.Mount;
import dev.aether.titan.TitanSettings;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The showcase's few static files (its stylesheet and favicon), served by Jetty's
 * {@link ResourceHandler} from the class path. They come from the page's own origin, so the
 * pages' Content-Security-Policy allows them; every other path goes on to the live pages.
 *
 * <pre>{@code
 * Titan.builder().mount(new StaticFiles()).mount(WebPages.create()).build();   // GET /showcase.css
 * }</pre>
 */
public final class StaticFiles implements Mount {
    /** The files there are, by path; only these are looked up. */
    static final Set<String> PATHS = Set.of("/showcase.css", "/favicon.ico", "/favicon.svg");
    private static final String ROOT = "dev/aether/examples/showcase/web/static/";

    @Override
    public Handler wrap(Server server, Handler next, TitanSettings settings) {
        ResourceHandler files = new ResourceHandler(next);
        files.setBaseResource(ResourceFactory.of(files).newClassLoaderResource(ROOT));
        files.setDirAllowed(false);
        files.setCacheControl("max-age=300");
        return new Handler.Wrapper(files) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                // a known file goes to the resource handler; the rest (pages, Netron) skips it
                return PATHS.contains(Request.getPathInContext(request))
                        ? super.handle(request, response, callback)
                        : next.handle(request, response, callback);
            }
        };
    }
}
