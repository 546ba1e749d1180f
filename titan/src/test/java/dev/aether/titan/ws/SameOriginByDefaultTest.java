package dev.aether.titan.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.aether.netron.protocol.packet.Packet;
import dev.aether.netron.protocol.packet.PacketType;
import dev.aether.titan.Titan;
import dev.aether.titan.fixtures.CalculatorService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * With no allowed-origins list, and no authenticator either, browsers may call only from the
 * server's own origin, over HTTP (CORS) and over the WebSocket; clients that send no Origin
 * keep working.
 */
class SameOriginByDefaultTest {
    private static final String FOREIGN = "https://evil.example";
    @RegisterExtension
    static final TitanWithSockets server = new TitanWithSockets(() -> Titan.builder().port(0).service(new CalculatorService()).build());

    private static String ownOrigin() {
        return "http://127.0.0.1:" + server.titan().port();
    }

    private static Packet add(RawSocket socket) {
        return socket.request(Packet.request(1, PacketType.CALL, List.of("calculator", "add", 1, 2)));
    }

    @Test
    void webSocketFromAForeignPageIsClosedWith4001() {
        try (RawSocket socket = server.connect(Map.of("Origin", FOREIGN))) {
            assertThat(socket.awaitClose().code()).isEqualTo(CloseCodes.UNAUTHORIZED);
        }
    }

    @Test
    void webSocketFromTheServersOwnPageIsServed() {
        try (RawSocket socket = server.connect(Map.of("Origin", ownOrigin())).handshake("page")) {
            assertThat(add(socket).data()).isEqualTo(3);
        }
    }

    @Test
    void webSocketWithoutOriginIsServed() {
        try (RawSocket socket = server.connect().handshake("script")) {
            assertThat(add(socket).data()).isEqualTo(3);
        }
    }

    @Test
    void httpCallFromAForeignPageIs403WithoutCorsHeaders() throws Exception {
        HttpResponse<String> response = post(FOREIGN);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void httpCallFromTheServersOwnPageIsAnswered() throws Exception {
        HttpResponse<String> response = post(ownOrigin());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ownOrigin());
    }

    @Test
    void httpCallWithoutOriginIsAnswered() throws Exception {
        assertThat(post(null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> post(String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.titan().httpUri() + "/netron/invoke"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"o\",\"service\":\"calculator\",\"method\":\"add\",\"input\":[1,2]}"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
