package dev.aether.web.browser;

import dev.aether.web.Page;
import dev.aether.web.ssr.Ssr;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A tiny embedded Jetty 12 on {@code 127.0.0.1} and a free port, for browser tests.
 *
 * <p>{@link #pages} maps paths to {@link PageHandler}s; each request (GET or POST) to a path gets
 * the page its handler returns, streamed with {@link Ssr#streamPage(Page, OutputStream)} on the
 * request's own thread (a thread-confined reactive context, so Suspense boundaries stream as
 * their resources resolve, each chunk flushed to the browser at once). Unknown paths get 404.
 * A handler that throws, or a render that fails, is recorded and makes {@link #close()} fail the
 * test, so a broken page cannot pass unnoticed.
 *
 * <pre>{@code
 * try (TestServer server = TestServer.pages(Map.of(
 *         "/", request -> Page.of("Home", () -> h1(text("Hello"))),
 *         "/echo", request -> Page.of("Echo", () -> p(text(request.parameter("message"))))))) {
 *     driver.get(server.url("/"));
 * }
 * }</pre>
 *
 * <p>{@link #start(Handler)} serves any Jetty handler instead.
 */
public final class TestServer implements AutoCloseable {
    private static final Set<String> ORIGINS = ConcurrentHashMap.newKeySet();

    /** Makes the page for one request; runs on the request's thread. */
    @FunctionalInterface
    public interface PageHandler {
        Page page(PageRequest request) throws Exception;
    }

    /**
     * What a {@link PageHandler} sees of the request: the method, the path, and the query and
     * form ({@code application/x-www-form-urlencoded}) parameters together.
     */
    public record PageRequest(String method, String path, Map<String, List<String>> parameters) {
        /** The first value of {@code name}, or null. */
        public String parameter(String name) {
            List<String> values = parameters.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();
    private String origin;

    private TestServer(Handler handler) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("test-server");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server = new Server(threads);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.setStopTimeout(0);
    }

    /** Serves {@code pages} (path → handler); see the class comment. */
    public static TestServer pages(Map<String, PageHandler> pages) {
        Map<String, PageHandler> routes = Collections.unmodifiableMap(new LinkedHashMap<>(pages));
        TestServer[] self = new TestServer[1];
        self[0] = new TestServer(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                self[0].servePage(routes, request, response, callback);
                return true;
            }
        });
        return self[0].startServer();
    }

    /** Serves any Jetty handler (it runs in blocking mode, on a virtual thread per request). */
    public static TestServer start(Handler handler) {
        return new TestServer(handler).startServer();
    }

    private TestServer startServer() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("test server did not start: " + e.getMessage(), e);
        }
        origin = "http://127.0.0.1:" + connector.getLocalPort();
        ORIGINS.add(origin);
        return this;
    }

    private void servePage(Map<String, PageHandler> routes, Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        PageHandler handler = routes.get(path);
        if (handler == null) {
            Response.writeError(request, response, callback, 404, "no test page at " + path);
            return;
        }
        try {
            Page page = handler.page(new PageRequest(request.getMethod(), path, parameters(request)));
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            try (OutputStream out = Content.Sink.asOutputStream(response)) {
                Ssr.streamPage(page, out);
            }
            callback.succeeded();
        } catch (Throwable t) {
            failures.add(t);
            System.err.println("test server: " + request.getMethod() + " " + path + " failed: " + t);
            if (response.isCommitted()) {
                callback.failed(t);
            } else {
                Response.writeError(request, response, callback, 500, "test page failed: " + t, t);
            }
        }
    }

    private static Map<String, List<String>> parameters(Request request) throws Exception {
        Fields fields = Request.getParameters(request);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Fields.Field f : fields) {
            out.put(f.getName(), List.copyOf(f.getValues()));
        }
        return Collections.unmodifiableMap(out);
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String origin() {
        return origin;
    }

    /** The absolute URL of {@code path} (which starts with {@code /}, may carry a query). */
    public String url(String path) {
        return origin() + path;
    }

    /** The errors thrown by page handlers or renders so far. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** Stops the server; fails with the first recorded page failure, if any. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("test server did not stop: " + e.getMessage(), e);
        } finally {
            ORIGINS.remove(origin);
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " test page request(s) failed; first: " + failures.get(0), failures.get(0));
            new ArrayList<>(failures).subList(1, failures.size()).forEach(error::addSuppressed);
            throw error;
        }
    }

    /** The origins of the test servers running now (the browser clears their storage between tests). */
    static Set<String> origins() {
        return Set.copyOf(ORIGINS);
    }
}
