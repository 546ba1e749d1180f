package dev.aether.titan.ws;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A WebSocket client written frame by frame on a plain socket (RFC 6455 §5), for what no client
 * library sends: a message started and never finished. It holds nothing after a write, so heap
 * measured in the same JVM is the server's.
 */
final class FrameSocket implements AutoCloseable {
    static final int CONTINUATION = 0x0;
    static final int TEXT = 0x1;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private FrameSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Connects and upgrades {@code uri} (ws://host:port/path); fails unless the server answers 101. */
    static FrameSocket open(URI uri) {
        try {
            FrameSocket s = new FrameSocket(new Socket(uri.getHost(), uri.getPort()));
            String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            s.out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.out.flush();
            String head = s.readHead();
            if (!head.startsWith("HTTP/1.1 101")) {
                throw new AssertionError("upgrade refused: " + head);
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one masked frame (an all-zero mask: the payload goes as is). False once the server has closed the connection. */
    boolean send(boolean fin, int opcode, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        frame.writeBytes(new byte[4]);
        frame.writeBytes(payload);
        try {
            out.write(frame.toByteArray());
            out.flush();
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    /** The code of the close frame the server sends within {@code wait}; -1 if the connection ends without one, 0 if nothing came. */
    int awaitCloseCode(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            while (true) {
                int b0 = in.readUnsignedByte();
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                if ((b0 & 0x0F) == CLOSE) {
                    return payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                }
            }
        } catch (SocketTimeoutException silent) {
            return 0;
        } catch (EOFException ended) {
            return -1;
        } catch (IOException reset) {
            return -1;
        }
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException("connection closed during the upgrade: " + head);
            }
            head.append((char) c);
        }
        return head.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
