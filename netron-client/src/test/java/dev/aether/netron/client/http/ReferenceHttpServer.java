package dev.aether.netron.client.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aether.netron.protocol.http.NetronJson;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;

/**
 * A real Jetty server on 127.0.0.1 that answers discovery the way the TypeScript reference Titan
 * does (netron-wire.md §3): no {@code /netron/query_interface} route (404 in the reference's
 * error shape), {@code GET /openapi.json} behind a valid bearer token, listing each method as
 * {@code /rpc/<service>/<method>} under {@code name@version} and under the bare name, and
 * {@code POST /netron/authenticate} that issues that token.
 *
 * <pre>{@code
 * try (ReferenceHttpServer server = ReferenceHttpServer.start(Map.of("calculator@1.0.0", List.of("add")))) {
 *     new HttpTransport(server.uri(), ReferenceHttpServer.TOKEN).queryInterface("calculator");
 * }
 * }</pre>
 */
final class ReferenceHttpServer implements AutoCloseable {
    /** The one token this server accepts. */
    static final String TOKEN = "reference-token";

    private final Server jetty;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    private ReferenceHttpServer(Map<String, List<String>> methodsByQualifiedName) throws Exception {
        jetty = new Server(new InetSocketAddress("127.0.0.1", 0));
        byte[] spec = NetronJson.write(openApi(methodsByQualifiedName)).getBytes(StandardCharsets.UTF_8);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                String path = Request.getPathInContext(request);
                requests.computeIfAbsent(request.getMethod() + " " + path, k -> new AtomicInteger()).incrementAndGet();
                // Read the whole body first, as the reference (Node) does, so the connection stays reusable.
                String body = Content.Source.asString(request);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                if (path.equals("/openapi.json") && request.getMethod().equals("GET")) {
                    if (!("Bearer " + TOKEN).equals(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
                        response.setStatus(401);
                        response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
                        Content.Sink.write(response, true, "{\"error\":{\"code\":\"401\",\"message\":\"Authentication required\"}}", callback);
                        return true;
                    }
                    response.setStatus(200);
                    response.write(true, ByteBuffer.wrap(spec), callback);
                    return true;
                }
                if (path.equals("/netron/authenticate") && request.getMethod().equals("POST")) {
                    response.setStatus(200);
                    Content.Sink.write(response, true, authenticate(body), callback);
                    return true;
                }
                response.setStatus(404);
                Content.Sink.write(response, true, "{\"id\":\"req-1\",\"success\":false,\"error\":{\"code\":\"404\",\"message\":\"Not found\"}}", callback);
                return true;
            }
        });
        jetty.start();
    }

    /**
     * Serves the given services (in iteration order); the bare name of each maps to the last
     * version given, as the reference's registration overwrites it.
     */
    static ReferenceHttpServer start(Map<String, List<String>> methodsByQualifiedName) {
        try {
            return new ReferenceHttpServer(methodsByQualifiedName);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the test server", e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + ((ServerConnector) jetty.getConnectors()[0]).getLocalPort());
    }

    /** How many requests came for {@code "METHOD /path"}. */
    int requests(String methodAndPath) {
        AtomicInteger count = requests.get(methodAndPath);
        return count == null ? 0 : count.get();
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
    }

    /**
     * {@code POST /netron/authenticate}: {@code ref}/{@code pw} is accepted and the token issued
     * as {@code context.token} only (no {@code metadata.token}); anything else is rejected.
     */
    private static String authenticate(String body) {
        JsonNode credentials = NetronJson.parse(body).path("credentials");
        boolean accepted = "ref".equals(credentials.path("username").asText()) && "pw".equals(credentials.path("password").asText());
        ObjectNode response = NetronJson.mapper().createObjectNode().put("id", "auth-1");
        ObjectNode result = response.putObject("result").put("success", accepted);
        if (accepted) {
            ObjectNode context = result.putObject("context").put("userId", "ref");
            context.putArray("roles");
            context.putArray("permissions");
            context.putObject("token").put("type", "bearer").put("value", TOKEN);
        } else {
            result.put("error", "Invalid credentials");
        }
        return NetronJson.write(response);
    }

    private static ObjectNode openApi(Map<String, List<String>> methodsByQualifiedName) {
        ObjectNode spec = NetronJson.mapper().createObjectNode().put("openapi", "3.0.3");
        spec.putObject("info").put("title", "Netron HTTP Services").put("version", "1.0.0");
        ObjectNode paths = spec.putObject("paths");
        methodsByQualifiedName.forEach((qualified, methods) -> {
            String bare = qualified.substring(0, qualified.indexOf('@'));
            paths.properties().removeIf(path -> path.getKey().startsWith("/rpc/" + bare + "/"));
            for (String service : List.of(qualified, bare)) {
                for (String method : methods) {
                    paths.putObject("/rpc/" + service + "/" + method).putObject("post")
                            .put("operationId", service + "_" + method)
                            .put("summary", "Invoke " + service + "." + method)
                            .putArray("tags").add(service);
                }
            }
        });
        spec.putObject("components").putObject("schemas");
        return spec;
    }
}
