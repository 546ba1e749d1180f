package dev.aether.titan.datalayer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 that passes requests through to a server but loses the answers on
 * the first {@code losses} connections: once the server starts answering (so the request was
 * handled), it closes both sides without forwarding a byte. The client sees a dropped connection
 * after the method ran, the fault idempotency keys exist for.
 */
final class ResponseLosingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final AtomicInteger lossesLeft;
    private final AtomicInteger lost = new AtomicInteger();

    ResponseLosingProxy(URI target, int losses) throws IOException {
        this.target = new InetSocketAddress(target.getHost(), target.getPort());
        this.lossesLeft = new AtomicInteger(losses);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("losing-proxy").start(this::accept);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    /** How many answers were lost so far. */
    int lost() {
        return lost.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                Thread.ofVirtual().start(() -> pipe(client, server, false));
                Thread.ofVirtual().start(() -> pipe(server, client, true));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to, boolean answers) {
        byte[] buffer = new byte[8192];
        boolean first = true;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (answers && first && lossesLeft.getAndDecrement() > 0) {
                    lost.incrementAndGet();
                    break; // the server answered: the call ran; the client never hears of it
                }
                first = false;
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed: close the other below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
