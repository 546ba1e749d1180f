package dev.aether.titan.http;

import static dev.aether.titan.http.RawHttp.invoke;
import static dev.aether.titan.http.RawHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Slowloris: connections that trickle their request headers are closed after the header-read timeout. */
class SlowClientTest {
    private static final int SLOW_CLIENTS = 5;

    @Test
    void connectionsTricklingTheirHeadersAreClosed() throws Exception {
        try (Titan titan = Titan.builder().port(0).service(new CalculatorService())
                .connectionTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30)).build().start()) {
            List<Socket> slow = new ArrayList<>();
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                Socket socket = new Socket("127.0.0.1", titan.port());
                socket.getOutputStream().write("POST /netron/invoke HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
                slow.add(socket);
            }
            // Each keeps sending a header byte every 100 ms: never idle, never done; each is closed within seconds.
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            List<Socket> open = new ArrayList<>(slow);
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                open.removeIf(socket -> !trickle(socket));
                Thread.sleep(100); // the attacker's pace, not a wait for the server
            }
            assertThat(open).as("slow connections still open after 15 s").isEmpty();
            for (Socket socket : slow) {
                socket.close();
            }
            assertThat(json(new RawHttp(titan.httpUri()).post("/netron/invoke", invoke("ok", "calculator", "add", "[1,2]")))
                    .get("data").asInt()).isEqualTo(3);
        }
    }

    @Test
    void keptAliveConnectionServesRequestsSentInTime() throws Exception {
        try (Titan titan = Titan.builder().port(0).service(new CalculatorService())
                .connectionTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(30)).build().start();
             Socket socket = new Socket("127.0.0.1", titan.port())) {
            socket.setSoTimeout(5_000);
            for (int i = 0; i < 3; i++) {
                String body = invoke("k" + i, "calculator", "add", "[1," + i + "]");
                socket.getOutputStream().write(("POST /netron/invoke HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200").contains("\"data\":" + (1 + i));
            }
        }
    }

    /** Sends one more header byte; false once the server has closed the connection. */
    private static boolean trickle(Socket socket) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write('X');
            out.flush();
            socket.setSoTimeout(1);
            try {
                return socket.getInputStream().read() >= 0; // the server only ever closes: any byte is an answer
            } catch (SocketTimeoutException stillOpen) {
                return true;
            }
        } catch (IOException closed) {
            return false;
        }
    }

    private static String readResponse(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        int contentLength = -1;
        while (true) {
            int c = in.read();
            if (c < 0) {
                return text.toString();
            }
            text.append((char) c);
            if (text.toString().endsWith("\r\n\r\n")) {
                for (String line : text.toString().split("\r\n")) {
                    if (line.toLowerCase().startsWith("content-length:")) {
                        contentLength = Integer.parseInt(line.substring(15).trim());
                    }
                }
                byte[] body = in.readNBytes(contentLength);
                return text + new String(body, StandardCharsets.UTF_8);
            }
        }
    }
}
