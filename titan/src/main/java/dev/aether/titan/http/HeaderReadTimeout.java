package dev.aether.titan.http;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.AbstractMetaDataConnection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes HTTP connections that take longer than {@code timeout} to send a request's headers
 * (slowloris: a client trickling one header byte every few seconds is never idle, so the idle
 * timeout alone keeps it open forever). The clock starts when the connection opens; it stops
 * when Jetty has the headers and hands the request to the handlers, so a long call or a slow
 * upload is not affected by it. After an answer, a kept-alive connection gets {@code
 * keptAlive} for its next request's headers: longer than the idle timeout, so that an idle
 * pooled connection is closed by the idle timeout as clients expect (closing it earlier races
 * with a client that reuses it at that moment, which then sees an empty answer to a POST it
 * cannot safely retry), while one trickling its next headers is still closed in bounded time.
 *
 * <pre>{@code
 * HeaderReadTimeout headers = new HeaderReadTimeout(Duration.ofSeconds(10), Duration.ofSeconds(40), server.getScheduler());
 * connector.addEventListener(headers);    // sees connections open and close
 * headers.setHandler(app);                // sees requests arrive
 * }</pre>
 */
public final class HeaderReadTimeout extends Handler.Wrapper implements Connection.Listener {
    private final Duration timeout;
    private final Duration keptAlive;
    private final Scheduler scheduler;
    private final ConcurrentHashMap<Connection, Scheduler.Task> deadlines = new ConcurrentHashMap<>();

    /**
     * @param timeout   how long a new connection may take to send its first request's headers
     * @param keptAlive how long a kept-alive connection may take to send its next request's headers
     */
    public HeaderReadTimeout(Duration timeout, Duration keptAlive, Scheduler scheduler) {
        this.timeout = timeout;
        this.keptAlive = keptAlive;
        this.scheduler = scheduler;
    }

    @Override
    public void onOpened(Connection connection) {
        // An HTTP/1 connection (Jetty's internal HttpConnection), not the TLS layer below it.
        if (connection instanceof AbstractMetaDataConnection) {
            arm(connection, timeout);
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
                arm(connection, keptAlive);
            }
        });
        return super.handle(request, response, callback);
    }

    /** Connections waiting for headers now (for tests and metrics). */
    public int waiting() {
        return deadlines.size();
    }

    private void arm(Connection connection, Duration within) {
        Scheduler.Task[] task = new Scheduler.Task[1];
        task[0] = scheduler.schedule(() -> {
            // Still waiting for headers, and still HTTP (not upgraded to a WebSocket since).
            if (deadlines.remove(connection, task[0]) && ownsItsEndPoint(connection)) {
                connection.getEndPoint().close();
            }
        }, within.toMillis(), TimeUnit.MILLISECONDS);
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
