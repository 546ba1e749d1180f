package dev.aether.titan.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes HTTP connections that take longer than {@code timeout} to send a request's headers
 * (slowloris: a client trickling one header byte every few seconds is never idle, so the idle
 * timeout alone keeps it open forever). The clock starts when the connection opens and again
 * when a request's answer is complete (a kept-alive connection has as long for its next
 * request); it stops when Jetty has the headers and hands the request to the handlers, so a
 * long call or a slow upload is not affected by it.
 *
 * <pre>{@code
 * HeaderReadTimeout headers = new HeaderReadTimeout(Duration.ofSeconds(10), server.getScheduler());
 * connector.addEventListener(headers);    // sees connections open and close
 * headers.setHandler(app);                // sees requests arrive
 * }</pre>
 */
public final class HeaderReadTimeout extends Handler.Wrapper implements Connection.Listener {
    private final Duration timeout;
    private final Scheduler scheduler;
    private final ConcurrentHashMap<Connection, Scheduler.Task> deadlines = new ConcurrentHashMap<>();

    public HeaderReadTimeout(Duration timeout, Scheduler scheduler) {
        this.timeout = timeout;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection) {
            arm(connection);
        }
    }

    @Override
    public void onClosed(Connection connection) {
        disarm(connection);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Connection connection = request.getConnectionMetaData().getConnection();
        disarm(connection);
        Request.addCompletionListener(request, failure -> {
            if (ownsItsEndPoint(connection) && connection.getEndPoint().isOpen()) {
                arm(connection);
            }
        });
        return super.handle(request, response, callback);
    }

    /** Connections waiting for headers now (for tests and metrics). */
    public int waiting() {
        return deadlines.size();
    }

    private void arm(Connection connection) {
        Scheduler.Task[] task = new Scheduler.Task[1];
        task[0] = scheduler.schedule(() -> {
            // Still waiting for headers, and still HTTP (not upgraded to a WebSocket since).
            if (deadlines.remove(connection, task[0]) && ownsItsEndPoint(connection)) {
                connection.getEndPoint().close();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        Scheduler.Task previous = deadlines.put(connection, task[0]);
        if (previous != null) {
            previous.cancel();
        }
    }

    private void disarm(Connection connection) {
        Scheduler.Task task = deadlines.remove(connection);
        if (task != null) {
            task.cancel();
        }
    }

    private static boolean ownsItsEndPoint(Connection connection) {
        return connection.getEndPoint().getConnection() == connection;
    }
}
