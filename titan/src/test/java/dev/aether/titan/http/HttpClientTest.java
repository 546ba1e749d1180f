package dev.aether.titan.http;

import dev.aether.titan.fixtures.Tokens;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RateLimitException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.ServiceNotFoundException;
import dev.aether.netron.protocol.error.TransportException;
import dev.aether.netron.protocol.error.TransportLostException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.netron.protocol.http.AuthenticateResponse;
import dev.aether.titan.Titan;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.fixtures.Calculator;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.testing.CapturedLog;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The typed Netron client over HTTP against a real Titan. */
class HttpClientTest {
    @RegisterExtension
    final CapturedLog dispatcherLog = CapturedLog.of(Dispatcher.class);
    private static Titan titan;

    @BeforeAll
    static void start() {
        titan = Titan.builder().port(0).service(new CalculatorService()).authenticator(new Tokens()).build().start();
    }

    @AfterAll
    static void stop() {
        titan.stop();
    }

    private static NetronClient client() {
        return NetronClient.http(titan.httpUri());
    }

    @Test
    void typedProxyCallReturnsTheResult() {
        try (NetronClient client = client()) {
            assertThat(client.service(Calculator.class).add(2, 3)).isEqualTo(5);
        }
    }

    @Test
    void doubleResultIsConvertedToTheDeclaredType() {
        try (NetronClient client = client()) {
            assertThat(client.service(Calculator.class).divide(1, 4)).isEqualTo(0.25);
        }
    }

    @Test
    void asyncMethodCompletesWithTheResult() {
        try (NetronClient client = client()) {
            assertThat(client.service(Calculator.class).addLater(2, 3)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(5);
        }
    }

    @Test
    void serviceErrorArrivesAsTheSameClassWithCodeAndDetails() {
        try (NetronClient client = client()) {
            assertThatThrownBy(() -> client.service(Calculator.class).divide(1, 0)).isInstanceOf(ValidationException.class)
                    .hasMessage("Division by zero")
                    .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(422))
                    .satisfies(e -> assertThat(((NetronException) e).details()).containsEntry("field", "b"));
        }
    }

    @Test
    void methodWithoutPublicIsMethodNotFound() {
        try (NetronClient client = client()) {
            assertThatThrownBy(() -> client.service(Calculator.class).notExposed()).isInstanceOf(MethodNotFoundException.class)
                    .satisfies(e -> assertThat(((MethodNotFoundException) e).methodName()).isEqualTo("notExposed"));
        }
    }

    @Test
    void unknownServiceIsServiceNotFound() {
        try (NetronClient client = client()) {
            assertThatThrownBy(() -> client.service(Calculator.class, "nope@1.0.0").add(1, 1))
                    .isInstanceOf(ServiceNotFoundException.class)
                    .satisfies(e -> assertThat(((ServiceNotFoundException) e).serviceId()).isEqualTo("nope@1.0.0"));
        }
    }

    @Test
    void unexpectedServiceExceptionIsAnOpaque500() {
        try (NetronClient client = client()) {
            assertThatThrownBy(() -> client.service(Calculator.class).crash()).isExactlyInstanceOf(NetronException.class)
                    .hasMessage("Internal server error")
                    .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(500))
                    .satisfies(e -> assertThat(dispatcherLog.take(Level.ERROR)).singleElement().satisfies(logged -> {
                        assertThat(logged.getFormattedMessage())
                                .isEqualTo("call calculator@1.0.0.crash failed (errorId " + ((NetronException) e).details().get("errorId") + ")");
                        assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("internal detail that must not leak");
                    }));
        }
    }

    @Test
    void callLongerThanTheClientTimeoutFailsWith408() {
        try (NetronClient client = client().withTimeout(Duration.ofMillis(150))) {
            assertThatThrownBy(() -> client.service(Calculator.class).sleep(3_000)).isInstanceOf(RpcException.class)
                    .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(408));
        }
    }

    @Test
    void anonymousCallToARoleProtectedMethodIsAuthException() {
        try (NetronClient client = client()) {
            assertThatThrownBy(() -> client.service(Calculator.class).secret()).isInstanceOf(AuthException.class);
        }
    }

    @Test
    void authenticateThenCallARoleProtectedMethod() {
        try (NetronClient client = client()) {
            AuthenticateResponse.Result result = client.authenticate(Map.of("username", "alice", "password", "secret"));
            assertThat(result.success()).isTrue();
            assertThat(result.context().userId()).isEqualTo("alice");
            assertThat(client.service(Calculator.class).secret()).isEqualTo("42");
        }
    }

    @Test
    void authenticateWithATokenSendsItAfterwards() {
        try (NetronClient client = client()) {
            client.authenticate(Map.of("token", Tokens.USER));
            assertThatThrownBy(() -> client.service(Calculator.class).secret()).isInstanceOf(PermissionException.class);
        }
    }

    @Test
    void rejectedCredentialsFailWithAuthException() {
        try (NetronClient client = client()) {
            assertThatThrownBy(() -> client.authenticate(Map.of("username", "alice", "password", "wrong")))
                    .isInstanceOf(AuthException.class).hasMessage("Invalid credentials");
        }
    }

    @Test
    void clientBuiltWithATokenIsAuthenticatedFromTheStart() {
        try (NetronClient client = NetronClient.http(titan.httpUri(), Tokens.ADMIN)) {
            assertThat(client.service(Calculator.class).secret()).isEqualTo("42");
        }
    }

    @Test
    void queryInterfaceReturnsTheDefinitionTheCallerMaySee() {
        try (NetronClient client = client()) {
            var meta = client.queryInterface("calculator").meta();
            assertThat(meta.qualifiedName()).isEqualTo("calculator@1.0.0");
            assertThat(meta.methods()).containsKeys("add", "addLater").doesNotContainKeys("secret", "notExposed");
            assertThat(meta.properties().get("brand").readonly()).isTrue();
        }
    }

    @Test
    void queryInterfaceOfAnUnknownServiceIsServiceNotFoundNotAFallbackToOpenApi() {
        // Titan answers query_interface itself: its 404 names the service, so the client does not
        // take it for a missing route and ask GET /openapi.json (which Titan does not serve).
        try (NetronClient client = client()) {
            assertThatThrownBy(() -> client.queryInterface("nope"))
                    .isInstanceOfSatisfying(ServiceNotFoundException.class, e -> assertThat(e.serviceId()).isEqualTo("nope"));
            assertThat(client.queryInterface("calculator@1.0.0").meta().methods()).containsKey("add");
        }
    }

    @Test
    void queryInterfaceOverHttpShowsARoleProtectedMemberOnlyToItsRole() {
        try (NetronClient client = NetronClient.http(titan.httpUri(), Tokens.ADMIN)) {
            var meta = client.queryInterface("calculator").meta();
            assertThat(meta.methods()).containsKey("secret");
            assertThat(meta.methods().get("add").arguments()).hasSize(2);
        }
    }

    @Test
    void rateLimitArrivesAsRateLimitExceptionWithRetryAfter() {
        try (Titan limited = Titan.builder().port(0).service(new CalculatorService()).rateLimit(1, Duration.ofSeconds(60)).build().start();
             NetronClient client = NetronClient.http(limited.httpUri())) {
            Calculator calculator = client.service(Calculator.class);
            calculator.add(1, 1);
            assertThatThrownBy(() -> calculator.add(1, 1)).isInstanceOf(RateLimitException.class)
                    .satisfies(e -> assertThat(((RateLimitException) e).retryAfterSeconds()).isBetween(1L, 60L))
                    .satisfies(e -> assertThat(((RateLimitException) e).limit()).isEqualTo(1));
        }
    }

    @Test
    void unreachableServerIsTransportException503() {
        try (NetronClient client = NetronClient.http(URI.create("http://127.0.0.1:1"))) {
            assertThatThrownBy(() -> client.service(Calculator.class).add(1, 1)).isInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(503));
        }
    }

    @Test
    void closedClientFailsWithTransportLost() {
        NetronClient client = client();
        client.close();
        assertThatThrownBy(() -> client.service(Calculator.class).add(1, 1)).isInstanceOf(TransportLostException.class);
    }
}
