package dev.aether.netron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.aether.netron.protocol.definition.Definition;
import dev.aether.netron.protocol.definition.ServiceMetadata;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The client around a transport: timeouts, control requests, closing. */
class NetronClientTest {
    private final FakeTransport transport = new FakeTransport();

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> NetronClient.over(transport, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetronClient.over(transport, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThat(NetronClient.over(transport).timeout()).isEqualTo(NetronClient.DEFAULT_TIMEOUT);
    }

    @Test
    void withTimeoutSharesTheTransport() {
        NetronClient client = NetronClient.over(transport);
        NetronClient patient = client.withTimeout(Duration.ofMinutes(2));

        assertThat(patient.transport()).isSameAs(client.transport());
        assertThat(patient.timeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(client.timeout()).isEqualTo(NetronClient.DEFAULT_TIMEOUT);
    }

    @Test
    void queryInterfaceReturnsTheTransportsDefinition() {
        Definition definition = new Definition("d-1", "", "peer", new ServiceMetadata("users", "1.0.0", Map.of(), Map.of()));
        transport.definition = CompletableFuture.completedFuture(definition);

        assertThat(NetronClient.over(transport).queryInterface("users")).isSameAs(definition);
    }

    @Test
    void aFailedControlRequestThrowsTheServerErrorUnwrapped() {
        transport.definition = CompletableFuture.failedFuture(new ServiceNotFoundException("users"));
        transport.authentication = CompletableFuture.failedFuture(new AuthException("Invalid credentials"));
        NetronClient client = NetronClient.over(transport);

        assertThatThrownBy(() -> client.queryInterface("users")).isInstanceOf(ServiceNotFoundException.class);
        assertThatThrownBy(() -> client.authenticate(Map.of("token", "bad"))).isInstanceOf(AuthException.class);
    }

    @Test
    void aCheckedFailureOfAControlRequestIsWrappedNotLost() {
        transport.authentication = CompletableFuture.failedFuture(new IOException("reset"));

        assertThatThrownBy(() -> NetronClient.over(transport).authenticate(Map.of()))
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(IOException.class);
    }

    @Test
    void authenticateReturnsTheTransportsResult() {
        AuthenticateResponse.Result ok = AuthenticateResponse.Result.ok(
                new AuthenticateResponse.AuthContext("u-1", List.of("admin"), List.of(), null, null, null));
        transport.authentication = CompletableFuture.completedFuture(ok);

        assertThat(NetronClient.over(transport).authenticate(Map.of("username", "u", "password", "p")).context().userId())
                .isEqualTo("u-1");
    }

    @Test
    void closingTheClientClosesItsTransport() {
        NetronClient.over(transport).close();

        assertThat(transport.closed()).isTrue();
    }
}
