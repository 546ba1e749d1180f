package dev.aether.netron.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code queryInterface} over HTTP against a server that discovers services the way the
 * TypeScript reference does: no {@code /netron/query_interface}, an OpenAPI document instead.
 */
class HttpDiscoveryTest {
    private static ReferenceHttpServer server;

    @BeforeAll
    static void start() {
        Map<String, List<String>> services = new LinkedHashMap<>();
        services.put("calculator@1.0.0", List.of("add"));
        services.put("calculator@1.10.0", List.of("add", "subtract"));
        services.put("calculator@1.2.0", List.of("add", "multiply"));
        services.put("users@2.0.0", List.of("get", "list"));
        server = ReferenceHttpServer.start(services);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Definition query(HttpTransport transport, String service) {
        try {
            return transport.queryInterface(service).join();
        } catch (CompletionException e) {
            throw (RuntimeException) e.getCause();
        }
    }

    @Test
    void aServerWithoutTheQueryInterfaceRouteIsAskedForItsOpenApiDocument() {
        try (HttpTransport transport = new HttpTransport(server.uri(), ReferenceHttpServer.TOKEN)) {
            Definition users = query(transport, "users@2.0.0");

            assertThat(users.meta().name()).isEqualTo("users");
            assertThat(users.meta().version()).isEqualTo("2.0.0");
            assertThat(users.meta().methods().keySet()).containsExactly("get", "list");
            assertThat(users.meta().properties()).isEmpty();
        }
    }

    @Test
    void aBareNameIsTheHighestVersionComparedAsNumbers() {
        try (HttpTransport transport = new HttpTransport(server.uri(), ReferenceHttpServer.TOKEN)) {
            Definition calculator = query(transport, "calculator");

            assertThat(calculator.meta().version()).isEqualTo("1.10.0");
            // the reference's bare name maps to the last version registered (1.2.0 here), and so do its methods
            assertThat(calculator.meta().methods().keySet()).containsExactly("add", "multiply");
            assertThat(query(transport, "calculator@1.10.0").meta().methods().keySet()).containsExactly("add", "subtract");
        }
    }

    @Test
    void theTransportRemembersTheServerHasNoQueryInterfaceRoute() {
        int before = server.requests("POST /netron/query_interface");
        try (HttpTransport transport = new HttpTransport(server.uri(), ReferenceHttpServer.TOKEN)) {
            query(transport, "users");
            query(transport, "users@2.0.0");
            query(transport, "calculator");
        }
        assertThat(server.requests("POST /netron/query_interface") - before).isEqualTo(1);
    }

    @Test
    void aServiceTheDocumentDoesNotListIsServiceNotFound() {
        try (HttpTransport transport = new HttpTransport(server.uri(), ReferenceHttpServer.TOKEN)) {
            assertThatThrownBy(() -> query(transport, "billing"))
                    .isInstanceOfSatisfying(ServiceNotFoundException.class, e -> assertThat(e.serviceId()).isEqualTo("billing"));
            assertThatThrownBy(() -> query(transport, "users@9.9.9")).isInstanceOf(ServiceNotFoundException.class);
        }
    }

    @Test
    void aTokenIssuedOnlyAsABearerContextTokenIsKeptAndSent() {
        try (HttpTransport transport = new HttpTransport(server.uri())) {
            transport.authenticate(Map.of("username", "ref", "password", "pw")).join();

            assertThat(transport.token()).isEqualTo(ReferenceHttpServer.TOKEN);
            assertThat(query(transport, "users").meta().methods()).containsKeys("get", "list");
        }
    }

    @Test
    void withoutATokenTheReferenceRefusesItsDocumentWith401() {
        try (HttpTransport transport = new HttpTransport(server.uri())) {
            assertThatThrownBy(() -> query(transport, "users"))
                    .isInstanceOfSatisfying(AuthException.class, e -> assertThat(e.code()).isEqualTo(401));
        }
    }
}
