package dev.aether.benchmarks.live;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A WebSocket client on a plain {@link Socket} that sees the bytes on the wire: it reads each
 * frame's header and payload as they arrive, so the sizes it reports are the real ones, header
 * included, not computed. Used twice: offering no extension (as the Jetty client does), and
 * offering {@code permessage-deflate; client_max_window_bits}, as Chrome and Firefox do, to see
 * what a browser actually receives (Jetty's server accepts the extension by default).
 */
final class RawWireProbe implements AutoCloseable {
    /** One frame as read from (or written to) the socket; {@code text} is the message after inflating. */
    record RawFrame(int headerBytes, int payloadBytes, boolean compressed, String text) {
        int wireBytes() {
            return headerBytes + payloadBytes;
        }
    }

    record Result(String offered, String negotiated, RawFrame resume, List<RawFrame> sent, List<RawFrame> clickAnswers,
                  List<RawFrame> pushAnswers) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final Inflater inflater = new Inflater(true);
    private final String negotiated;

    private RawWireProbe(URI base, LivePage page, String offer) throws IOException {
        socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(5000);
        socket.setTcpNoDelay(true);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        String request = "GET /_aether/live?s=" + page.token() + "&last=0 HTTP/1.1\r\n"
                + "Host: " + base.getRawAuthority() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Origin: " + base + "\r\n"
                + "Cookie: " + page.cookieHeader() + "\r\n"
                + (offer == null ? "" : "Sec-WebSocket-Extensions: " + offer + "\r\n")
                + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String response = readHead();
        if (!response.startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + response);
        }
        String ext = "none";
        for (String line : response.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:")) {
                ext = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        negotiated = ext;
    }

    /**
     * Attaches to {@code page}'s session (render it just before: frames it made before the attach
     * would be replayed first), sends two clicks on +1 and waits for each answer, then
     * sets the shared count twice and waits for each push.
     */
    static Result measure(LiveServer server, LivePage page, String offer) throws Exception {
        try (RawWireProbe p = new RawWireProbe(server.base(), page, offer)) {
            RawFrame resume = p.nextText();
            while (!ClientSocket.isResume(resume.text())) {   // frames the session made before the attach come first
                resume = p.nextText();
            }
            List<RawFrame> sent = new ArrayList<>();
            List<RawFrame> clicks = new ArrayList<>();
            List<RawFrame> pushes = new ArrayList<>();
            long lastSeen = 0;
            for (int seq = 1; seq <= 2; seq++) {
                sent.add(p.sendText("[\"e\"," + seq + ",\"" + page.incButtonId() + "\",\"click\",{}," + lastSeen + "]"));
                RawFrame answer = p.nextText();
                clicks.add(answer);
                lastSeen = ClientSocket.seqOf(answer.text());
            }
            for (int i = 0; i < 2; i++) {
                server.everyone.set(server.everyone.peek() + 1);
                pushes.add(p.nextText());
            }
            return new Result(offer == null ? "none" : offer, p.negotiated, resume, sent, clicks, pushes);
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during the upgrade: " + head);
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    /** The next text message (answering pings on the way); one frame, as the server sends small messages unfragmented. */
    private RawFrame nextText() throws IOException, DataFormatException {
        while (true) {
            int b0 = readByte();
            int b1 = readByte();
            int header = 2;
            long len = b1 & 0x7f;
            if (len == 126) {
                len = (readByte() << 8) | readByte();
                header += 2;
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | readByte();
                }
                header += 8;
            }
            if ((b1 & 0x80) != 0) {
                throw new IOException("the server masked a frame");
            }
            byte[] payload = in.readNBytes((int) len);
            int opcode = b0 & 0x0f;
            boolean compressed = (b0 & 0x40) != 0;
            if (opcode == 0x9) {
                writeFrame(0x8A, payload);   // pong
                continue;
            }
            if (opcode == 0x8) {
                throw new IOException("closed by the server");
            }
            if (opcode != 0x1 || (b0 & 0x80) == 0) {
                throw new IOException("unexpected frame: opcode " + opcode + ", fin " + ((b0 & 0x80) != 0));
            }
            String text = compressed ? inflate(payload) : new String(payload, StandardCharsets.UTF_8);
            return new RawFrame(header, payload.length, compressed, text);
        }
    }

    /** permessage-deflate: the payload is raw DEFLATE minus its final empty block (RFC 7692 §7.2.2). */
    private String inflate(byte[] payload) throws DataFormatException {
        byte[] input = new byte[payload.length + 4];
        System.arraycopy(payload, 0, input, 0, payload.length);
        input[payload.length + 2] = (byte) 0xff;
        input[payload.length + 3] = (byte) 0xff;
        inflater.setInput(input);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        int n;
        while ((n = inflater.inflate(buf)) > 0) {
            text.write(buf, 0, n);
        }
        return text.toString(StandardCharsets.UTF_8);
    }

    /** Sends an uncompressed, masked text frame (a client may leave any message uncompressed). */
    private RawFrame sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        int header = writeFrame(0x81, payload);
        return new RawFrame(header, payload.length, false, text);
    }

    private int writeFrame(int b0, byte[] payload) throws IOException {
        if (payload.length > 125) {
            throw new IOException("probe frames are small");
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) b0;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(frame);
        out.flush();
        return 6;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new IOException("connection closed");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        try {
            writeFrame(0x88, new byte[] {0x03, (byte) 0xe8});   // close 1000
        } catch (IOException ignored) {
            // the server may be gone already
        }
        inflater.end();
        socket.close();
    }
}
