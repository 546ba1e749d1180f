package dev.aether.titan.ws;

import dev.aether.titan.Titan;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A Titan started for a test class, and the {@link RawSocket}s its tests open to it: each socket
 * is dropped after its test, the server after the class. The sockets share one HTTP client.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final TitanWithSockets server = new TitanWithSockets(() -> Titan.builder().port(0).service(new CalculatorService()).build());
 *
 * @Test void aCall() {
 *     RawSocket socket = server.connect().handshake("my-client");
 * }
 * }</pre>
 */
final class TitanWithSockets implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    private final Supplier<Titan> build;
    private final List<RawSocket> open = new CopyOnWriteArrayList<>();
    private Titan titan;
    private HttpClient http;

    /** {@code build} makes the server, not yet started. */
    TitanWithSockets(Supplier<Titan> build) {
        this.build = build;
    }

    Titan titan() {
        return titan;
    }

    /** The server's WebSocket endpoint. */
    URI uri() {
        return titan.webSocketUri();
    }

    RawSocket connect() {
        return connect(uri(), Map.of());
    }

    RawSocket connect(Map<String, String> headers) {
        return connect(uri(), headers);
    }

    RawSocket connect(URI uri) {
        return connect(uri, Map.of());
    }

    /** Opens a socket to {@code uri} (not necessarily this server's endpoint) with {@code headers}; no handshake yet. */
    RawSocket connect(URI uri, Map<String, String> headers) {
        RawSocket socket = RawSocket.connect(http, uri, headers);
        open.add(socket);
        return socket;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        http = HttpClient.newHttpClient();
        titan = build.get().start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        open.forEach(RawSocket::close);
        open.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            titan.stop();
        } finally {
            http.close();
        }
    }
}
