package dev.aether.examples.showcase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.DomainException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.titan.Titan;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The same contracts over the network: the typed client over WebSocket and over HTTP, with the demo tokens. */
class RemoteClientsTest {
    private final Titan titan = ShowcaseServer.create(ListenAddress.of("127.0.0.1", 0)).start();

    @AfterEach
    void stop() {
        titan.stop();
    }

    @Test
    void calculatorOverWebSocket() {
        try (NetronClient client = NetronClient.websocket(titan.webSocketUri())) {
            Calculator calculator = client.service(Calculator.class);
            assertThat(calculator.add(2, 3)).isEqualTo(5);
            assertThat(calculator.fibonacci(50)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(12_586_269_025L);
            assertThatThrownBy(() -> calculator.divide(1, 0)).isInstanceOf(ValidationException.class)
                    .hasMessage("Cannot divide by zero");
        }
    }

    @Test
    void usersOverWebSocketAfterLoggingIn() {
        try (NetronClient client = NetronClient.websocket(titan.webSocketUri())) {
            Users users = client.service(Users.class);
            assertThatThrownBy(() -> users.delete(2)).isInstanceOf(AuthException.class);
            client.authenticate(Map.of("username", "admin", "password", "admin-password"));
            assertThat(users.delete(2)).isTrue();
        }
    }

    @Test
    void usersOverHttpWithTheAdminToken() {
        try (NetronClient admin = NetronClient.http(titan.httpUri(), DemoAuthenticator.ADMIN_TOKEN)) {
            Users users = admin.service(Users.class);
            assertThat(users.create(new NewUser("Grace Hopper", "grace@example.com")).id()).isEqualTo(3);
            assertThatThrownBy(() -> users.get(42)).isInstanceOf(DomainException.class).hasMessage("No user with id 42");
            assertThat(users.delete(3)).isTrue();
            assertThat(users.list()).extracting(User::id).containsExactly(1L, 2L);
        }
    }
}
