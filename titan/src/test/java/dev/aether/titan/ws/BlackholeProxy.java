package dev.aether.titan.ws;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on 127.0.0.1 that can turn the connections it carries into a black hole: after
 * {@link #blackhole()} every byte either side sends is read and dropped, and nothing is closed,
 * exactly what a client sees when the server's machine vanishes behind a half-open TCP
 * connection. Connections made afterwards are forwarded normally.
 *
 * <pre>{@code
 * try (BlackholeProxy proxy = new BlackholeProxy(titan.port())) {
 *     connect(proxy.webSocketUri()); ...; proxy.blackhole();
 * }
 * }</pre>
 */
final class BlackholeProxy implements AutoCloseable {
    private final ServerSocket listening;
    private final int targetPort;
    private final List<Pair> pairs = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    BlackholeProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("blackhole-proxy").start(this::accept);
    }

    URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/");
    }

    /** Every connection open now silently drops all traffic from here on. */
    void blackhole() {
        pairs.forEach(pair -> pair.dropping = true);
    }

    private void accept() {
        while (!listening.isClosed()) {
            try {
                Socket client = listening.accept();
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                Pair pair = new Pair(client, server);
                pairs.add(pair);
                Thread.ofPlatform().daemon().start(() -> pair.pump(client, server));
                Thread.ofPlatform().daemon().start(() -> pair.pump(server, client));
            } catch (IOException e) {
                return;   // closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
        for (Pair pair : pairs) {
            pair.client.close();
            pair.server.close();
        }
        acceptor.interrupt();
    }

    private static final class Pair {
        final Socket client;
        final Socket server;
        volatile boolean dropping;

        Pair(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    if (!dropping) {
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side closed: the test is over with this connection
            }
        }
    }
}
