package dev.aether.web.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on {@code 127.0.0.1} that delivers every byte a fixed one-way delay late, in both
 * directions and in order, as a slow network would; {@link #cut()} breaks every open connection
 * and {@link #offline(boolean)} refuses new ones, as an outage would. Browser tests open pages
 * through it to check the live runtime under latency.
 *
 * <pre>{@code
 * try (DelayingProxy slow = DelayingProxy.to(server.port(), Duration.ofMillis(300))) {
 *     LivePages.open(browser, slow.url("/todos"));   // page and WebSocket both 300 ms each way
 *     slow.offline(true);
 *     slow.cut();                                    // the socket drops and cannot come back
 * }
 * }</pre>
 */
public final class DelayingProxy implements AutoCloseable {
    private record Chunk(long dueNanos, byte[] bytes) {
    }

    private final ServerSocket listener;
    private final int target;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile long delayNanos;
    private volatile boolean offline;

    private DelayingProxy(int target, Duration delay) throws IOException {
        this.target = target;
        this.delayNanos = delay.toNanos();
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    /** A proxy to {@code 127.0.0.1:targetPort} adding {@code oneWayDelay} to each direction. */
    public static DelayingProxy to(int targetPort, Duration oneWayDelay) {
        try {
            return new DelayingProxy(targetPort, oneWayDelay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT} of the proxy followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + listener.getLocalPort() + path;
    }

    /** Changes the one-way delay for bytes read from now on. */
    public void delay(Duration oneWayDelay) {
        delayNanos = oneWayDelay.toNanos();
    }

    /** While offline, a new connection is closed as soon as it is accepted. */
    public void offline(boolean offline) {
        this.offline = offline;
    }

    /** Breaks every open connection at once (bytes still on their way are lost). */
    public void cut() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (offline) {
                closeQuietly(client);
                continue;
            }
            Socket server = new Socket();
            try {
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 5000);
            } catch (IOException refused) {
                closeQuietly(client);
                continue;
            }
            open.add(client);
            open.add(server);
            pipe(client, server);
            pipe(server, client);
        }
    }

    /** Reads {@code from} as fast as it comes; a second thread writes each chunk to {@code to} once it is due. */
    private void pipe(Socket from, Socket to) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        threads.execute(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    queue.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, n)));
                }
            } catch (IOException closed) {
                // the connection was cut or closed
            }
            queue.add(new Chunk(System.nanoTime() + delayNanos, null));   // the end, delivered as late as the bytes
        });
        threads.execute(() -> {
            try (OutputStream out = to.getOutputStream()) {
                long lastDue = 0;
                while (true) {
                    Chunk c = queue.take();
                    long due = Math.max(c.dueNanos(), lastDue);   // a shorter delay never overtakes earlier bytes
                    lastDue = due;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);   // the network's latency, not a test's wait
                    }
                    if (c.bytes() == null) {
                        break;
                    }
                    out.write(c.bytes());
                    out.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // the connection was cut or closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    /** Stops listening and breaks every connection. */
    @Override
    public void close() {
        closeQuietly(listener);
        cut();
        threads.shutdownNow();
    }

    private static void closeQuietly(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
