package dev.aether.titan.datalayer;

import dev.aether.titan.Mount;
import dev.aether.titan.TitanSettings;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.Callback;

/** A mount that records the path of every request reaching Titan and the status it was answered with: how tests count requests and 304s. */
final class RequestLog implements Mount {
    private final ConcurrentLinkedQueue<String> paths = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();

    @Override
    public Handler wrap(Server server, Handler next, TitanSettings settings) {
        return new Handler.Wrapper(next) {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                paths.add(Request.getPathInContext(request));
                return super.handle(request, response, new Callback() {
                    @Override
                    public void succeeded() {
                        statuses.add(response.getStatus());
                        callback.succeeded();
                    }

                    @Override
                    public void failed(Throwable x) {
                        callback.failed(x);
                    }
                });
            }
        };
    }

    /**
     * The statuses of the first {@code count} responses, in the order they were completed; waits
     * (10 s at most) for them, since a response is recorded just after its last byte is written.
     */
    List<Integer> statuses(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (statuses.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return List.copyOf(statuses);
    }

    /** The paths requested so far, in arrival order. */
    List<String> paths() {
        return List.copyOf(paths);
    }
}
