package dev.aether.titan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.aether.netron.client.NetronClient;
import dev.aether.netron.protocol.error.AuthException;
import dev.aether.netron.protocol.error.MethodNotFoundException;
import dev.aether.netron.protocol.error.NetronException;
import dev.aether.netron.protocol.error.PermissionException;
import dev.aether.netron.protocol.error.RpcException;
import dev.aether.netron.protocol.error.ValidationException;
import dev.aether.titan.call.Dispatcher;
import dev.aether.titan.fixtures.Calculator;
import dev.aether.titan.fixtures.CalculatorService;
import dev.aether.titan.testing.CapturedLog;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class InProcessCallTest {
    @RegisterExtension
    final CapturedLog dispatcherLog = CapturedLog.of(Dispatcher.class);

    private final Titan titan = Titan.builder().service(new CalculatorService()).build();
    private final NetronClient client = titan.client();
    private final Calculator calculator = client.service(Calculator.class);

    @AfterEach
    void stop() {
        titan.stop();
    }

    @Test
    void blockingMethodReturnsTheResult() {
        assertThat(calculator.add(2, 3)).isEqualTo(5);
    }

    @Test
    void futureMethodCompletesWithTheResult() {
        assertThat(calculator.addLater(2, 3)).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(5);
    }

    @Test
    void methodWithoutPublicIsNotFound() {
        assertThatThrownBy(calculator::notExposed).isInstanceOf(MethodNotFoundException.class)
                .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(404));
    }

    @Test
    void serviceErrorArrivesAsTheSameClassWithItsCode() {
        assertThatThrownBy(() -> calculator.divide(1, 0)).isInstanceOf(ValidationException.class)
                .hasMessage("Division by zero")
                .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(422));
    }

    @Test
    void unexpectedExceptionBecomesAnOpaque500() {
        assertThatThrownBy(calculator::crash).isInstanceOf(NetronException.class)
                .hasMessage("Internal server error")
                .satisfies(e -> assertThat(((NetronException) e).details()).containsKey("errorId"))
                .satisfies(e -> assertThat(dispatcherLog.take(Level.ERROR)).singleElement().satisfies(logged -> {
                    assertThat(logged.getFormattedMessage())
                            .isEqualTo("call calculator@1.0.0.crash failed (errorId " + ((NetronException) e).details().get("errorId") + ")");
                    assertThat(logged.getThrowableProxy().getMessage()).isEqualTo("internal detail that must not leak");
                }));
    }

    @Test
    void roleRuleRejectsAnonymousWith401() {
        assertThatThrownBy(calculator::secret).isInstanceOf(AuthException.class);
    }

    @Test
    void roleRuleRejectsWrongRoleWith403() {
        Calculator asUser = titan.client(Principal.of("u1", "user")).service(Calculator.class);
        assertThatThrownBy(asUser::secret).isInstanceOf(PermissionException.class);
    }

    @Test
    void roleRuleAdmitsTheRole() {
        Calculator asAdmin = titan.client(Principal.of("u2", "admin")).service(Calculator.class);
        assertThat(asAdmin.secret()).isEqualTo("42");
    }

    @Test
    void callRunningLongerThanTheTimeoutFailsWith408() {
        Calculator impatient = client.withTimeout(Duration.ofMillis(100)).service(Calculator.class);
        assertThatThrownBy(() -> impatient.sleep(5_000)).isInstanceOf(RpcException.class)
                .satisfies(e -> assertThat(((NetronException) e).code()).isEqualTo(408));
    }

    @Test
    void definitionListsOnlyWhatTheCallerMayUse() {
        var anonymous = client.queryInterface("calculator").meta();
        assertThat(anonymous.methods()).containsKeys("add", "addLater").doesNotContainKeys("secret", "notExposed");
        assertThat(anonymous.properties()).containsKeys("brand", "memory");
        assertThat(anonymous.properties().get("brand").readonly()).isTrue();
        var admin = titan.client(Principal.of("a", "admin")).queryInterface("calculator@1.0.0").meta();
        assertThat(admin.methods()).containsKey("secret");
    }
}
